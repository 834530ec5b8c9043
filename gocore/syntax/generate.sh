#!/usr/bin/env bash
# Regenerates the ANTLR parser in internal/gen from grammar/*.g4.
# Tool and Go runtime are both ANTLR 4.13.1 (github.com/antlr4-go/antlr/v4 v4.13.1).
set -euo pipefail
cd "$(dirname "$0")"

ANTLR_VERSION=4.13.1
JAR="${ANTLR_JAR:-$HOME/.m2/repository/org/antlr/antlr4/$ANTLR_VERSION/antlr4-$ANTLR_VERSION-complete.jar}"
if [ ! -f "$JAR" ]; then
    mvn -q dependency:get -Dartifact="org.antlr:antlr4:$ANTLR_VERSION:jar:complete"
fi

# Remove the previous output (but keep hand-written files such as predicates.go).
rm -f internal/gen/nestml_*.go internal/gen/*.interp internal/gen/*.tokens

# -Xexact-output-dir puts the files directly into internal/gen.
java -jar "$JAR" -Dlanguage=Go -package gen -no-listener -no-visitor \
    -Xexact-output-dir -o internal/gen \
    grammar/NestmlLexer.g4 grammar/NestmlParser.g4

rm -f internal/gen/*.interp internal/gen/*.tokens
gofmt -w internal/gen/nestml_*.go
