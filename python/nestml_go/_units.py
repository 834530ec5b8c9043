"""Values with physical units on the Python side.

A value may be given as

* a plain number or array-like of numbers — taken to be in the declared
  unit of whatever it is assigned to;
* a string ``"20 ms"``, ``"-70.5mV"``, ``"1e-3 s"``, ``"0.5 nS/mV"``;
* a pair ``(20, "ms")`` or ``(array, "ms")``.

This module only *parses*; every unit name and conversion factor comes
from the Go ``units`` package through the native ``units_convert`` method,
so Python and the core agree on units (``mV``, ``1/ms``, ``nS mV``,
``ms**-1``, ``ns**(3/2)`` … as in NESTML unit types).

Public helpers (private module, shared by :mod:`nestml_go.network` and
the typed API):

``parse_quantity(value, name="value") -> (magnitude, unit | None)``
``conversion_factor(from_unit, to_unit) -> float``
``convert(value, to_unit, name="value") -> float | numpy.ndarray``
``wire_value(name, value) -> JSON-able`` (the form the native
``net_create``/``net_set`` methods accept)
``UnitArray`` — a float64 ``numpy.ndarray`` with a ``unit`` attribute.
"""

from __future__ import annotations

import functools
import math
import numbers
import re
from typing import Any, Optional, Tuple, Union

import numpy as np

from . import _native

__all__ = [
    "UnitArray",
    "parse_quantity",
    "conversion_factor",
    "convert",
    "wire_value",
]

Magnitude = Union[float, bool, np.ndarray]

_NUM_RE = re.compile(
    r"""^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$""",
)


class UnitArray(np.ndarray):
    """A NumPy array that carries the unit of its values (``.unit``, a
    string such as ``"mV"``; ``""`` for plain numbers).

    It behaves as an ordinary ``float64`` array in every computation; the
    result of arithmetic keeps the attribute of its first operand (NumPy
    does not track units), so treat ``unit`` as metadata of the array
    returned by ``NodeCollection.get``.
    """

    unit: str

    def __new__(cls, values: Any, unit: str = "") -> "UnitArray":
        obj = np.asarray(values, dtype=np.float64).view(cls)
        obj.unit = unit
        return obj

    def __array_finalize__(self, obj: Any) -> None:
        self.unit = getattr(obj, "unit", "")

    def __reduce__(self) -> Any:  # pickling keeps the unit
        fn, args, state = super().__reduce__()  # type: ignore[str-unpack]
        return fn, args, (state, self.unit)

    def __setstate__(self, state: Any) -> None:
        base, unit = state
        super().__setstate__(base)
        self.unit = unit

    def __repr__(self) -> str:
        body = np.array2string(np.asarray(self), separator=", ")
        return f"UnitArray({body}, unit={self.unit!r})"


def _is_real(x: Any) -> bool:
    return isinstance(x, numbers.Real) and not isinstance(x, (bool, np.bool_))


def _magnitude(name: str, x: Any) -> Magnitude:
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if _is_real(x):
        return float(x)
    if isinstance(x, (str, bytes)):
        raise TypeError(f"{name}: expected a number, got {x!r}")
    try:
        a = np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(
            f"{name}: expected a number, an array of numbers, a string such as '20 ms' "
            f"or a pair (value, 'ms'), not {type(x).__name__}"
        ) from None
    if a.ndim == 0:
        return float(a)
    if a.ndim != 1:
        raise ValueError(f"{name}: expected a scalar or a one-dimensional array, got shape {a.shape}")
    return a


def parse_quantity(value: Any, name: str = "value") -> Tuple[Magnitude, Optional[str]]:
    """Split ``value`` into a magnitude and a unit string (``None`` if no
    unit was given).

    ``"20 ms"`` → ``(20.0, "ms")``; ``(np.arange(3), "mV")`` →
    ``(array([0., 1., 2.]), "mV")``; ``-70`` → ``(-70.0, None)``; an
    array-like → ``(ndarray, None)``; a :class:`UnitArray` →
    ``(ndarray, its unit)``; booleans stay booleans. Raises
    :class:`TypeError`/:class:`ValueError` naming ``name`` for anything
    else. The unit string is not validated here (see
    :func:`conversion_factor`).
    """
    if isinstance(value, str):
        m = _NUM_RE.match(value)
        if not m:
            raise ValueError(
                f"{name}: cannot read {value!r} as a quantity; write a number followed by a unit, "
                "e.g. '20 ms' or '-70 mV'"
            )
        unit = m.group(2)
        return float(m.group(1)), (unit if unit else None)
    if isinstance(value, tuple):
        if len(value) != 2 or not isinstance(value[1], str):
            raise TypeError(f"{name}: a value with a unit is a pair (value, 'unit'), got {value!r}")
        mag = _magnitude(name, value[0])
        if isinstance(mag, bool):
            raise TypeError(f"{name}: a boolean has no unit")
        return mag, value[1]
    if isinstance(value, UnitArray):
        return np.asarray(value, dtype=np.float64), (value.unit or None)
    return _magnitude(name, value), None


@functools.lru_cache(maxsize=512)
def _factor(from_unit: str, to_unit: str) -> float:
    res = _native.call("units_convert", **{"from": from_unit, "to": to_unit})
    return float(res["factor"])


def conversion_factor(from_unit: str, to_unit: str) -> float:
    """The factor ``f`` with ``x [from_unit] == x·f [to_unit]``, computed by
    the Go ``units`` package (``"" ``/``"1"`` is a plain number).

    Raises :class:`nestml_go.errors.NestmlArgumentError` (a
    :class:`ValueError`) for an unknown unit (with a did-you-mean hint) or
    for units of different dimensions (the message names both units).
    """
    if not isinstance(from_unit, str) or not isinstance(to_unit, str):
        raise TypeError("units must be strings such as 'ms' or 'mV/ms'")
    return _factor(from_unit.strip(), to_unit.strip())


def convert(value: Any, to_unit: str, name: str = "value") -> Union[float, np.ndarray]:
    """Return the magnitude of ``value`` in ``to_unit``.

    A value without a unit is taken to be in ``to_unit`` already. Booleans
    are returned as 0.0/1.0 only when ``to_unit`` is a plain number.
    """
    mag, unit = parse_quantity(value, name)
    if isinstance(mag, bool):
        if to_unit.strip() not in ("", "1"):
            raise TypeError(f"{name}: expected a quantity in {to_unit}, got a boolean")
        return float(mag)
    if unit is None:
        return mag
    f = conversion_factor(unit, to_unit)
    return mag * f


def wire_value(name: str, value: Any) -> Any:
    """The JSON form of a parameter value for the native methods: a number
    or list of numbers (declared unit), a boolean, or ``{"value": number |
    list, "unit": "ms"}`` (converted by the core). NaN and infinities are
    rejected here with a message naming ``name``."""
    mag, unit = parse_quantity(value, name)
    if isinstance(mag, bool):
        return mag
    if isinstance(mag, np.ndarray):
        if np.any(np.isnan(mag)):
            raise ValueError(f"parameter {name!r} contains NaN")
        if not np.all(np.isfinite(mag)):
            raise ValueError(f"parameter {name!r}: every value must be finite")
        payload: Any = mag.tolist()
    else:
        if math.isnan(mag):
            raise ValueError(f"parameter {name!r} is NaN")
        if not math.isfinite(mag):
            raise ValueError(f"parameter {name!r} is infinite (values must be finite)")
        payload = mag
    if unit is None:
        return payload
    return {"value": payload, "unit": unit}
