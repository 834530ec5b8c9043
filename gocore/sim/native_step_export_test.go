package sim

// SetFuseNumeric turns the fused step kernels of models with a numeric
// part on or off (native_step_num.go) and returns the previous setting,
// for tests in package sim_test that compare them with the Go engine
// around the native RKF45 kernels.
func SetFuseNumeric(on bool) bool {
	old := fuseNumeric
	fuseNumeric = on
	return old
}

// SetNativeFrozenSets turns the native RKF45 kernels' component sets on or
// off (nativeFrozenSets) and returns the previous setting.
func SetNativeFrozenSets(on bool) bool {
	old := nativeFrozenSets
	nativeFrozenSets = on
	return old
}
