package main

/*
#include <stdint.h>
#include <stdlib.h>
*/
import "C"

import (
	"encoding/json"
	"unsafe"
)

func main() {}

// ng_call runs the RPC method named by method with the JSON argument object
// jsonIn. On success it returns 0 and stores the malloc'd JSON result in
// *jsonOut. On failure it returns 1 and stores the malloc'd error object
// {"kind", "message", "diagnostics"} in *errJSON. The caller releases both
// with ng_free. Panics are recovered and reported as kind "internal".
//
//export ng_call
func ng_call(method *C.char, jsonIn *C.char, jsonOut **C.char, errJSON **C.char) (status C.int) {
	defer func() {
		if r := recover(); r != nil {
			status = setError(errJSON, panicError(r))
		}
	}()
	if jsonOut == nil || errJSON == nil {
		return 2 // nowhere to report; the caller violated the ABI
	}
	*jsonOut, *errJSON = nil, nil
	if method == nil {
		return setError(errJSON, argErrorf("method is NULL"))
	}
	var in []byte
	if jsonIn != nil {
		in = []byte(C.GoString(jsonIn))
	}
	out, err := dispatch(C.GoString(method), in)
	if err != nil {
		return setError(errJSON, toAPIError(err))
	}
	*jsonOut = C.CString(string(out))
	return 0
}

// ng_fill writes n float64 values into buf, which the caller allocated
// (typically a NumPy array). What is written is chosen by the handle and the
// JSON request jsonIn, e.g. {"recorder": 3, "key": "V_m"} for a network. It
// returns 0 on success, or 1 with a malloc'd error object in *errJSON.
//
//export ng_fill
func ng_fill(handle C.uint64_t, jsonIn *C.char, buf *C.double, n C.int64_t, errJSON **C.char) (status C.int) {
	defer func() {
		if r := recover(); r != nil {
			status = setError(errJSON, panicError(r))
		}
	}()
	if errJSON == nil {
		return 2
	}
	*errJSON = nil
	if n < 0 {
		return setError(errJSON, argErrorf("fill: negative length %d", int64(n)))
	}
	if buf == nil && n > 0 {
		return setError(errJSON, argErrorf("fill: NULL buffer of length %d", int64(n)))
	}
	var req []byte
	if jsonIn != nil {
		req = []byte(C.GoString(jsonIn))
	}
	var out []float64
	if n > 0 {
		out = unsafe.Slice((*float64)(unsafe.Pointer(buf)), int(n))
	}
	if err := fillHandle(uint64(handle), json.RawMessage(req), out); err != nil {
		return setError(errJSON, toAPIError(err))
	}
	return 0
}

// ng_free releases a string returned by ng_call or ng_fill. NULL is allowed.
//
//export ng_free
func ng_free(p *C.char) {
	if p != nil {
		C.free(unsafe.Pointer(p))
	}
}

// setError stores e as a malloc'd JSON error object in *errJSON and returns
// the failure status 1.
func setError(errJSON **C.char, e *apiError) C.int {
	if errJSON == nil {
		return 2
	}
	b, err := json.Marshal(e)
	if err != nil {
		b = []byte(`{"kind":"internal","message":"cannot encode error","diagnostics":[]}`)
	}
	*errJSON = C.CString(string(b))
	return 1
}
