package syntax

import (
	"os"
	"sync"
	"testing"
)

// TestParseConcurrent parses corpus files from several goroutines (the
// ANTLR prediction caches are shared between parser instances).
func TestParseConcurrent(t *testing.T) {
	dir := corpusDir(t)
	files := corpusFiles(t, dir)
	if len(files) > 40 {
		files = files[:40]
	}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(files); i += 2 {
				src, err := os.ReadFile(files[i])
				if err != nil {
					t.Error(err)
					return
				}
				if f, ds := Parse(files[i], src); f == nil || ds.HasErrors() {
					t.Errorf("%s: %v", files[i], ds)
				}
			}
		}(w)
	}
	wg.Wait()
}
