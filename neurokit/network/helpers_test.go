package network

// must returns v, and panics (failing the test) if err is not nil: for
// calls with valid arguments whose error would be a bug.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
