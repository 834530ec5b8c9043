package syntax

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func TestDebugDump(t *testing.T) {
	path := os.Getenv("NESTML_DUMP")
	if path == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(path)
	f, ds := Parse(path, src)
	if os.Getenv("NESTML_JSON") != "" {
		b, _ := json.MarshalIndent(f.Models, "", " ")
		fmt.Println(string(b))
	}
	for _, d := range ds {
		fmt.Println(d.String(), "| hint:", d.Hint)
	}
	fmt.Println("models:", len(f.Models), "comments:", len(f.Comments))
}

func TestDebugPrint(t *testing.T) {
	path := os.Getenv("NESTML_PRINT")
	if path == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(path)
	f, _ := Parse(path, src)
	fmt.Print(Print(f))
}
