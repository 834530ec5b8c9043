"""Run one benchmark network of docs/benchmarks.md on Brian2
(cpp_standalone, OpenMP threads) and print a JSON record. Called by
bench/sim/run.py in a subprocess: python brian2_net.py '<json config>'.

Times: compile_s is code generation and compilation, sim_s the
simulation loop as measured by the generated program, run_cpu_s the CPU
time of the program (all threads; includes loading and writing results)."""

import json
import re
import resource
import shutil
import sys
import tempfile
import time

import numpy as np

cfg = json.loads(sys.argv[1])
t_start = time.perf_counter()
import brian2 as b2  # noqa: E402
from brian2 import Hz, NeuronGroup, PoissonInput, SpikeMonitor, Synapses, mV, ms, nS, pA, pF  # noqa: E402

tmp = tempfile.mkdtemp(prefix="b2bench_")
b2.set_device("cpp_standalone", directory=tmp, build_on_run=False)
b2.prefs.devices.cpp_standalone.openmp_threads = cfg["threads"]


def patch_gsl_standalone() -> None:
    """Make Brian2 2.9.0 (the newest release) build GSL integrators in
    cpp_standalone, which it cannot (brian-team/brian2#1686, fixed by #1687
    after the release): its GSL code object lacks the standalone code
    object's block methods and raises NotImplementedError, and its
    right-hand-side function declares locals extern "C", which g++ rejects.
    (The third defect, undeclared namespace constants, is gsl_eqs's.)"""
    from brian2.codegen.codeobject import CodeObject
    from brian2.codegen.generators.GSL_generator import GSLCPPCodeGenerator
    from brian2.devices.cpp_standalone.codeobject import CPPStandaloneCodeObject
    from brian2.devices.cpp_standalone.GSLcodeobject import GSLCPPStandaloneCodeObject

    def init(self, *args, **kwds):
        CodeObject.__init__(self, *args, **kwds)
        self.before_after_blocks = []

    if GSLCPPStandaloneCodeObject.compile_block is not CodeObject.compile_block:
        return  # a Brian2 release with the fix: nothing to patch
    GSLCPPStandaloneCodeObject.__init__ = init
    for name in ("__call__", "compile_block", "run_block"):
        setattr(GSLCPPStandaloneCodeObject, name, getattr(CPPStandaloneCodeObject, name))
    GSLCPPCodeGenerator.syntax = dict(GSLCPPCodeGenerator.syntax, start_declare="")


def gsl_eqs(eqs: str, ns: dict) -> str:
    """The equations with the namespace's constants written in as literals:
    Brian2 2.9.0's GSL code for cpp_standalone does not declare namespace
    constants in the right-hand-side function (another part of #1686)."""
    for name, q in ns.items():
        eqs = re.sub(rf"\b{name}\b", f"({q!r})", eqs)
    return eqs


if cfg.get("method", "").startswith("gsl"):
    patch_gsl_standalone()
b2.defaultclock.dt = 0.1 * ms
b2.seed(cfg.get("seed", 1))
case = cfg["case"]

NIN = 1000  # PoissonInput: the rate is split over NIN inputs (binomial ≈ Poisson)
E = float(np.e)

if case == "a":
    N = cfg["n"]
    ns = dict(tau_m=10 * ms, C_m=250 * pF, tau_s=2 * ms, E_L=-70 * mV, V_th=-55 * mV, V_reset=-70 * mV)
    eqs = """dv/dt = -(v - E_L)/tau_m + (Ie - Ii)/C_m : volt (unless refractory)
             dIe/dt = -Ie/tau_s : amp
             dIi/dt = -Ii/tau_s : amp"""
    G = NeuronGroup(N, eqs, threshold="v >= V_th", reset="v = V_reset", refractory=2 * ms, method="exact", namespace=ns)
    G.v = -70 * mV
    P = PoissonInput(G, "Ie", N=NIN, rate=cfg["rate"] / NIN * Hz, weight=cfg["weight"] * pA)
    mon = SpikeMonitor(G)
    n_rec, method = N, "exact"
elif case == "b":
    N = cfg["n"]
    ns = dict(C_m=281 * pF, g_L=30 * nS, E_L=-70.6 * mV, V_th=-50.4 * mV, Delta_T=2 * mV, tau_w=144 * ms, a=4 * nS,
              b=80.5 * pA, V_reset=-60 * mV, V_peak=0 * mV, E_ex=0 * mV, E_in=-85 * mV, tau_e=0.2 * ms, tau_i=2 * ms)
    eqs = """dv/dt = (-g_L*(vb - E_L) + g_L*Delta_T*exp((vb - V_th)/Delta_T) - ge*(vb - E_ex) - gi*(vb - E_in) - w)/C_m : volt (unless refractory)
             dw/dt = (a*(vb - E_L) - w)/tau_w : amp
             dge/dt = -ge/tau_e : siemens
             dgi/dt = -gi/tau_i : siemens
             vb = clip(v, -1000*mV, V_peak) : volt"""
    method = cfg.get("method", "rk4")
    # gsl_rkf45: GSL's adaptive rkf45 (Brian2's GSL support, one thread) with
    # a purely absolute error bound of 1e-6 in NEST's units per variable (NEST
    # adds 1e-6·h·|y'|, which Brian2 cannot express)
    opts = dict(absolute_error_per_variable=dict(v=1e-6 * mV, w=1e-6 * pA, ge=1e-6 * nS, gi=1e-6 * nS))
    if method.startswith("gsl"):
        eqs = gsl_eqs(eqs, ns)
    G = NeuronGroup(N, eqs, threshold="v >= V_peak", reset="v = V_reset; w += b", refractory=2 * ms, method=method,
                    method_options=opts if method.startswith("gsl") else None, namespace=ns)
    G.v = -70.6 * mV
    P = PoissonInput(G, "ge", N=NIN, rate=cfg["rate"] / NIN * Hz, weight=cfg["weight"] * nS)
    mon = SpikeMonitor(G)
    n_rec = N
elif case == "c":
    N = cfg["n"]
    ns = dict(C_m=100 * pF, g_Na=12000 * nS, g_K=3600 * nS, g_L=30 * nS, E_Na=50 * mV, E_K=-77 * mV, E_L=-54.402 * mV,
              tau_e=0.2 * ms, tau_i=2 * ms)
    eqs = """dv/dt = (-g_Na*m**3*h*(v - E_Na) - g_K*n**4*(v - E_K) - g_L*(v - E_L) + Ie - Ii)/C_m : volt
             u = v/mV : 1
             dm/dt = (0.1*(u + 40)/(1 - exp(-(u + 40)/10))*(1 - m) - 4*exp(-(u + 65)/18)*m)/ms : 1
             dh/dt = (0.07*exp(-(u + 65)/20)*(1 - h) - 1/(1 + exp(-(u + 35)/10))*h)/ms : 1
             dn/dt = (0.01*(u + 55)/(1 - exp(-(u + 55)/10))*(1 - n) - 0.125*exp(-(u + 65)/80)*n)/ms : 1
             dIe/dt = (xe - Ie)/tau_e : amp
             dxe/dt = -xe/tau_e : amp
             dIi/dt = (xin - Ii)/tau_i : amp
             dxin/dt = -xin/tau_i : amp"""
    method = cfg.get("method", "exponential_euler")
    # gsl_rkf45: NEST's HH error control (absolute 1e-3 in NEST's units per
    # variable, relative 0)
    opts = dict(absolute_error_per_variable=dict(v=1e-3 * mV, m=1e-3, h=1e-3, n=1e-3, Ie=1e-3 * pA, xe=1e-3 * pA,
                                                 Ii=1e-3 * pA, xin=1e-3 * pA))
    if method.startswith("gsl"):
        eqs = gsl_eqs(eqs, ns)
    G = NeuronGroup(N, eqs, threshold="v > 0*mV", refractory="v > 0*mV", method=method,
                    method_options=opts if method.startswith("gsl") else None, namespace=ns)
    G.v = -65 * mV
    G.m, G.h, G.n = 0.0529324852572496, 0.596120753508460, 0.317676914060697
    P = PoissonInput(G, "xe", N=NIN, rate=cfg["rate"] / NIN * Hz, weight=cfg["weight"] * E * pA)
    mon = SpikeMonitor(G)
    n_rec = N
elif case in ("d", "f"):
    NE, NI, CE, CI = cfg["ne"], cfg["ni"], cfg["ce"], cfg["ci"]
    N = NE + NI
    ns = dict(tau_m=20 * ms, C_m=250 * pF, tau_s=0.5 * ms, theta=20 * mV)
    eqs = """dv/dt = -v/tau_m + (Ie - Ii)/C_m : volt (unless refractory)
             dIe/dt = (xe - Ie)/tau_s : amp
             dxe/dt = -xe/tau_s : amp
             dIi/dt = (xin - Ii)/tau_s : amp
             dxin/dt = -xin/tau_s : amp"""
    G = NeuronGroup(N, eqs, threshold="v >= theta", reset="v = 0*mV", refractory=2 * ms, method="exact", namespace=ns)
    rng = np.random.default_rng(cfg.get("seed", 1))
    JE = cfg["jex"] * E * pA
    if case == "d":
        Se = Synapses(G[:NE], G, on_pre="xe_post += JE", delay=1.5 * ms, namespace={"JE": JE})
        Se.connect(i=rng.integers(0, NE, N * CE), j=np.repeat(np.arange(N), CE))
    else:  # f: stdp_synapse's rule (multiplicative, all-to-all traces) on E→E, static E→I
        Sp = Synapses(G[:NE], G[:NE], model="""w : amp
                         dapre/dt = -apre/(20*ms) : 1 (event-driven)
                         dapost/dt = -apost/(20*ms) : 1 (event-driven)""",
                      on_pre="""xe_post += w
                                apre += 1
                                w = clip(w - 0.01*w*apost, 0*pA, Wmax)""",
                      on_post="""apost += 1
                                 w = clip(w + 0.01*(Wmax - w)*apre, 0*pA, Wmax)""",
                      delay=1.5 * ms, namespace={"Wmax": 2 * JE})
        Sp.connect(i=rng.integers(0, NE, NE * CE), j=np.repeat(np.arange(NE), CE))
        Sp.w = JE
        Se = Synapses(G[:NE], G[NE:], on_pre="xe_post += JE", delay=1.5 * ms, namespace={"JE": JE})
        Se.connect(i=rng.integers(0, NE, NI * CE), j=np.repeat(np.arange(NI), CE))
    Si = Synapses(G[NE:], G, on_pre="xin_post += JI", delay=1.5 * ms, namespace={"JI": cfg["g"] * JE})
    Si.connect(i=rng.integers(0, NI, N * CI), j=np.repeat(np.arange(N), CI))
    P = PoissonInput(G, "xe", N=CE, rate=cfg["rate"] / CE * Hz, weight=JE)
    mon = SpikeMonitor(G[:NE])
    n_rec, method = NE, "exact"
elif case == "e":
    # Vogels–Abbott COBA (Brette et al. 2007, benchmark 1); exact linear
    # conductance decay, Euler for V as in Brian's own COBA example
    NE, NI = cfg["ne"], cfg["ni"]
    N = NE + NI
    ns = dict(C_m=200 * pF, g_L=10 * nS, E_L=-60 * mV, V_th=-50 * mV, V_reset=-60 * mV, E_ex=0 * mV, E_in=-80 * mV,
              tau_e=5 * ms, tau_i=10 * ms)
    eqs = """dv/dt = (-g_L*(v - E_L) - ge*(v - E_ex) - gi*(v - E_in))/C_m : volt (unless refractory)
             dge/dt = -ge/tau_e : siemens
             dgi/dt = -gi/tau_i : siemens"""
    method = cfg.get("method", "euler")
    G = NeuronGroup(N, eqs, threshold="v >= V_th", reset="v = V_reset", refractory=5 * ms, method=method, namespace=ns)
    rng = np.random.default_rng(cfg.get("seed", 1))
    G.v = (-60 + 10 * rng.random(N)) * mV
    G.ge = 10 * (4 + 1.5 * rng.standard_normal(N)) * nS
    G.gi = 10 * (20 + 12 * rng.standard_normal(N)) * nS
    Se = Synapses(G[:NE], G, on_pre="ge_post += WE", delay=0.1 * ms, namespace={"WE": cfg["wex"] * nS})
    Se.connect(condition="i != j", p=cfg["p"])
    Si = Synapses(G[NE:], G, on_pre="gi_post += WI", delay=0.1 * ms, namespace={"WI": cfg["win"] * nS})
    Si.connect(condition="i != j + NE", p=cfg["p"], namespace={"NE": NE})
    mon = SpikeMonitor(G)
    n_rec = N
else:
    raise SystemExit(f"unknown case {case}")

b2.run(cfg["t"] * ms)
setup_s = time.perf_counter() - t_start
t0 = time.perf_counter()
b2.device.build(directory=tmp, compile=True, run=False)
compile_s = time.perf_counter() - t0
ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
t0 = time.perf_counter()
b2.device.run(directory=tmp, with_output=False, run_args=[])
run_wall = time.perf_counter() - t0
ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
sim_s = b2.device._last_run_time
times, senders = np.asarray(mon.t / ms), np.asarray(mon.i)
cvs = []
order = np.argsort(senders, kind="stable")
s, tt = senders[order], times[order]
for ts in np.split(tt, np.flatnonzero(np.diff(s)) + 1):
    if len(ts) >= 3:
        isi = np.diff(np.sort(ts))
        cvs.append(isi.std() / isi.mean())
out = {
    "engine": "Brian2", "case": case, "version": b2.__version__, "threads": cfg["threads"], "n": N, "t_ms": cfg["t"],
    "method": method, "setup_s": setup_s, "compile_s": compile_s, "sim_s": sim_s, "run_wall_s": run_wall,
    "run_cpu_s": (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime),
    "total_s": setup_s + compile_s + run_wall,
    "spikes": int(len(times)), "rate_hz": len(times) / n_rec / (cfg["t"] / 1000),
    "cv_isi": float(np.mean(cvs)) if cvs else float("nan"),
}
shutil.rmtree(tmp, ignore_errors=True)
print(json.dumps(out))
