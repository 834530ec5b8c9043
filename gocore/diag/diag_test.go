package diag_test

import (
	"encoding/json"
	"testing"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
)

func rng(l1, c1, l2, c2 int) ast.Range {
	return ast.Range{Start: ast.Pos{Line: l1, Col: c1}, End: ast.Pos{Line: l2, Col: c2}}
}

// TestRecordRelated: related locations appear in the JSON record with
// 0-based columns, and as an empty list (not null) when there are none.
func TestRecordRelated(t *testing.T) {
	d := diag.Diagnostic{Code: diag.VariableRedeclared, Severity: diag.Error, File: "f.nestml", Range: rng(5, 8, 5, 11),
		Message: "redeclared", Related: []diag.Related{{Range: rng(3, 8, 3, 11), Message: "first declaration"}}}
	b, err := json.Marshal(d.Record())
	if err != nil {
		t.Fatal(err)
	}
	var rec map[string]any
	if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatal(err)
	}
	rel, _ := rec["related"].([]any)
	if len(rel) != 1 {
		t.Fatalf("related = %v", rec["related"])
	}
	want := map[string]any{"line": 3.0, "col": 8.0, "end_line": 3.0, "end_col": 11.0, "message": "first declaration"}
	got := rel[0].(map[string]any)
	for k, v := range want {
		if got[k] != v {
			t.Errorf("related[0][%s] = %v, want %v", k, got[k], v)
		}
	}
	d.Related = nil
	b, _ = json.Marshal(d.Record())
	if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatal(err)
	}
	if l, ok := rec["related"].([]any); !ok || len(l) != 0 {
		t.Errorf("related without locations = %#v, want []", rec["related"])
	}
}

// TestSortMergesDuplicates: duplicates (same code at the same position)
// collapse into the more severe one, keeping every related location;
// position-less diagnostics are duplicates only with equal messages.
func TestSortMergesDuplicates(t *testing.T) {
	r := rng(4, 2, 4, 5)
	l := diag.List{
		{Code: diag.EmitSpikeWeightInNeuron, Severity: diag.Warning, Range: r, Message: "w",
			Related: []diag.Related{{Range: rng(1, 0, 1, 1), Message: "a"}}},
		{Code: diag.EmitSpikeWeightInNeuron, Severity: diag.Error, Range: r, Message: "e",
			Related: []diag.Related{{Range: rng(2, 0, 2, 1), Message: "b"}, {Range: rng(1, 0, 1, 1), Message: "a"}}},
		{Code: diag.UnknownCodegenOption, Severity: diag.Error, Message: "option y"},
		{Code: diag.UnknownCodegenOption, Severity: diag.Error, Message: "option x"},
		{Code: diag.UnknownCodegenOption, Severity: diag.Error, Message: "option x"},
	}
	l.Sort()
	if len(l) != 3 {
		t.Fatalf("%d diagnostics after Sort, want 3:\n%v", len(l), l)
	}
	if l[0].Message != "option x" || l[1].Message != "option y" {
		t.Errorf("position-less diagnostics: %q, %q", l[0].Message, l[1].Message)
	}
	d := l[2]
	if d.Severity != diag.Error || len(d.Related) != 2 {
		t.Errorf("merged duplicate: %+v", d)
	}
	if lines := d.RelatedLines(); len(lines) != 2 || lines[0] != 2 || lines[1] != 1 {
		t.Errorf("RelatedLines = %v, want [2 1]", lines)
	}
}
