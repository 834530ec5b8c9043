// Code generated from grammar/NestmlParser.g4 by ANTLR 4.13.1. DO NOT EDIT.

package gen // NestmlParser
import (
	"fmt"
	"strconv"
	"sync"

	"github.com/antlr4-go/antlr/v4"
)

// Suppress unused import errors
var _ = fmt.Printf
var _ = strconv.Itoa
var _ = sync.Once{}

type NestmlParser struct {
	*antlr.BaseParser
}

var NestmlParserParserStaticData struct {
	once                   sync.Once
	serializedATN          []int32
	LiteralNames           []string
	SymbolicNames          []string
	RuleNames              []string
	PredictionContextCache *antlr.PredictionContextCache
	atn                    *antlr.ATN
	decisionToDFA          []*antlr.DFA
}

func nestmlparserParserInit() {
	staticData := &NestmlParserParserStaticData
	staticData.LiteralNames = []string{
		"", "", "", "", "", "", "", "", "'integer'", "'real'", "'string'", "'boolean'",
		"'void'", "'function'", "'inline'", "'return'", "'if'", "'elif'", "'else'",
		"'for'", "'while'", "'in'", "'step'", "'inf'", "'and'", "'or'", "'not'",
		"'recordable'", "'kernel'", "'model'", "'state'", "'parameters'", "'internals'",
		"'update'", "'equations'", "'input'", "'output'", "'continuous'", "'onReceive'",
		"'onCondition'", "'spike'", "'inhibitory'", "'excitatory'", "'@homogeneous'",
		"'@heterogeneous'", "'@'", "'...'", "'('", "')'", "'+'", "'-'", "'*'",
		"'**'", "'/'", "'//'", "'%'", "'~'", "'|'", "'^'", "'&'", "'<<'", "'>>'",
		"'['", "']'", "'[['", "']]'", "'<-'", "'<'", "'>'", "'<='", "'>='",
		"'=='", "'!='", "'<>'", "'='", "'+='", "'-='", "'*='", "'/='", "'//='",
		"','", "':'", "'::'", "';'", "'?'", "'.'", "'''",
	}
	staticData.SymbolicNames = []string{
		"", "INDENT", "DEDENT", "KERNEL_JOINING", "LINE_ESCAPE", "NEWLINE",
		"WS", "SL_COMMENT", "INTEGER_KEYWORD", "REAL_KEYWORD", "STRING_KEYWORD",
		"BOOLEAN_KEYWORD", "VOID_KEYWORD", "FUNCTION_KEYWORD", "INLINE_KEYWORD",
		"RETURN_KEYWORD", "IF_KEYWORD", "ELIF_KEYWORD", "ELSE_KEYWORD", "FOR_KEYWORD",
		"WHILE_KEYWORD", "IN_KEYWORD", "STEP_KEYWORD", "INF_KEYWORD", "AND_KEYWORD",
		"OR_KEYWORD", "NOT_KEYWORD", "RECORDABLE_KEYWORD", "KERNEL_KEYWORD",
		"MODEL_KEYWORD", "STATE_KEYWORD", "PARAMETERS_KEYWORD", "INTERNALS_KEYWORD",
		"UPDATE_KEYWORD", "EQUATIONS_KEYWORD", "INPUT_KEYWORD", "OUTPUT_KEYWORD",
		"CONTINUOUS_KEYWORD", "ON_RECEIVE_KEYWORD", "ON_CONDITION_KEYWORD",
		"SPIKE_KEYWORD", "INHIBITORY_KEYWORD", "EXCITATORY_KEYWORD", "DECORATOR_HOMOGENEOUS",
		"DECORATOR_HETEROGENEOUS", "AT", "ELLIPSIS", "LEFT_PAREN", "RIGHT_PAREN",
		"PLUS", "MINUS", "STAR", "STAR_STAR", "FORWARD_SLASH", "DOUBLE_FORWARD_SLASH",
		"PERCENT", "TILDE", "PIPE", "CARET", "AMPERSAND", "LEFT_LEFT_ANGLE",
		"RIGHT_RIGHT_ANGLE", "LEFT_SQUARE_BRACKET", "RIGHT_SQUARE_BRACKET",
		"LEFT_LEFT_SQUARE", "RIGHT_RIGHT_SQUARE", "LEFT_ANGLE_MINUS", "LEFT_ANGLE",
		"RIGHT_ANGLE", "LEFT_ANGLE_EQUALS", "RIGHT_ANGLE_EQUALS", "EQUALS_EQUALS",
		"EXCLAMATION_EQUALS", "LEFT_ANGLE_RIGHT_ANGLE", "EQUALS", "PLUS_EQUALS",
		"MINUS_EQUALS", "STAR_EQUALS", "FORWARD_SLASH_EQUALS", "DOUBLE_FORWARD_SLASH_EQUALS",
		"COMMA", "COLON", "DOUBLE_COLON", "SEMICOLON", "QUESTION", "FULLSTOP",
		"DIFFERENTIAL_ORDER", "BOOLEAN_LITERAL", "STRING_LITERAL", "UNTERMINATED_STRING",
		"NAME", "UNSIGNED_INTEGER", "FLOAT", "ERROR_CHAR",
	}
	staticData.RuleNames = []string{
		"compilationUnit", "standaloneExpression", "model", "modelBodyElement",
		"variableBlock", "declaration", "variable", "decorator", "dataType",
		"unitType", "unitExponent", "literalUnit", "equationsBlock", "equationElement",
		"inlineExpression", "odeEquation", "kernel", "inputBlock", "inputPort",
		"spikeInputPort", "inputQualifier", "continuousInputPort", "outputBlock",
		"updateBlock", "onReceiveBlock", "onConditionBlock", "constParameter",
		"functionDefinition", "parameter", "stmtsBody", "stmt", "smallStmt",
		"assignment", "returnStmt", "compoundStmt", "ifStmt", "elifClause",
		"elseClause", "forStmt", "whileStmt", "expression", "simpleExpression",
		"functionCall",
	}
	staticData.PredictionContextCache = antlr.NewPredictionContextCache()
	staticData.serializedATN = []int32{
		4, 1, 93, 624, 2, 0, 7, 0, 2, 1, 7, 1, 2, 2, 7, 2, 2, 3, 7, 3, 2, 4, 7,
		4, 2, 5, 7, 5, 2, 6, 7, 6, 2, 7, 7, 7, 2, 8, 7, 8, 2, 9, 7, 9, 2, 10, 7,
		10, 2, 11, 7, 11, 2, 12, 7, 12, 2, 13, 7, 13, 2, 14, 7, 14, 2, 15, 7, 15,
		2, 16, 7, 16, 2, 17, 7, 17, 2, 18, 7, 18, 2, 19, 7, 19, 2, 20, 7, 20, 2,
		21, 7, 21, 2, 22, 7, 22, 2, 23, 7, 23, 2, 24, 7, 24, 2, 25, 7, 25, 2, 26,
		7, 26, 2, 27, 7, 27, 2, 28, 7, 28, 2, 29, 7, 29, 2, 30, 7, 30, 2, 31, 7,
		31, 2, 32, 7, 32, 2, 33, 7, 33, 2, 34, 7, 34, 2, 35, 7, 35, 2, 36, 7, 36,
		2, 37, 7, 37, 2, 38, 7, 38, 2, 39, 7, 39, 2, 40, 7, 40, 2, 41, 7, 41, 2,
		42, 7, 42, 1, 0, 5, 0, 88, 8, 0, 10, 0, 12, 0, 91, 9, 0, 1, 0, 1, 0, 1,
		0, 5, 0, 96, 8, 0, 10, 0, 12, 0, 99, 9, 0, 1, 0, 3, 0, 102, 8, 0, 1, 0,
		1, 0, 5, 0, 106, 8, 0, 10, 0, 12, 0, 109, 9, 0, 1, 0, 1, 0, 1, 1, 1, 1,
		5, 1, 115, 8, 1, 10, 1, 12, 1, 118, 9, 1, 1, 1, 1, 1, 1, 2, 1, 2, 1, 2,
		1, 2, 1, 2, 1, 2, 4, 2, 128, 8, 2, 11, 2, 12, 2, 129, 1, 2, 1, 2, 1, 3,
		1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 3, 3, 142, 8, 3, 1, 4, 1, 4,
		1, 4, 1, 4, 1, 4, 1, 4, 1, 4, 4, 4, 151, 8, 4, 11, 4, 12, 4, 152, 1, 4,
		1, 4, 1, 5, 3, 5, 158, 8, 5, 1, 5, 3, 5, 161, 8, 5, 1, 5, 1, 5, 1, 5, 5,
		5, 166, 8, 5, 10, 5, 12, 5, 169, 9, 5, 1, 5, 1, 5, 1, 5, 3, 5, 174, 8,
		5, 1, 5, 1, 5, 1, 5, 1, 5, 3, 5, 180, 8, 5, 1, 5, 5, 5, 183, 8, 5, 10,
		5, 12, 5, 186, 9, 5, 1, 6, 1, 6, 1, 6, 1, 6, 1, 6, 3, 6, 193, 8, 6, 1,
		6, 5, 6, 196, 8, 6, 10, 6, 12, 6, 199, 9, 6, 1, 7, 1, 7, 1, 7, 1, 7, 1,
		7, 1, 7, 3, 7, 207, 8, 7, 1, 8, 1, 8, 1, 8, 1, 8, 1, 8, 1, 8, 3, 8, 215,
		8, 8, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 3, 9, 226,
		8, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 5, 9, 234, 8, 9, 10, 9, 12, 9,
		237, 9, 9, 1, 10, 3, 10, 240, 8, 10, 1, 10, 1, 10, 3, 10, 244, 8, 10, 1,
		10, 1, 10, 1, 10, 1, 10, 1, 10, 3, 10, 251, 8, 10, 1, 11, 1, 11, 1, 11,
		1, 11, 1, 11, 1, 11, 3, 11, 259, 8, 11, 1, 11, 1, 11, 1, 11, 1, 11, 1,
		11, 1, 11, 1, 11, 5, 11, 268, 8, 11, 10, 11, 12, 11, 271, 9, 11, 1, 12,
		1, 12, 1, 12, 1, 12, 1, 12, 4, 12, 278, 8, 12, 11, 12, 12, 12, 279, 1,
		12, 1, 12, 1, 13, 1, 13, 1, 13, 3, 13, 287, 8, 13, 1, 14, 3, 14, 290, 8,
		14, 1, 14, 1, 14, 1, 14, 1, 14, 1, 14, 1, 14, 3, 14, 298, 8, 14, 1, 14,
		5, 14, 301, 8, 14, 10, 14, 12, 14, 304, 9, 14, 1, 14, 1, 14, 1, 15, 1,
		15, 1, 15, 1, 15, 3, 15, 312, 8, 15, 1, 15, 5, 15, 315, 8, 15, 10, 15,
		12, 15, 318, 9, 15, 1, 15, 1, 15, 1, 16, 1, 16, 1, 16, 1, 16, 1, 16, 1,
		16, 1, 16, 1, 16, 1, 16, 5, 16, 331, 8, 16, 10, 16, 12, 16, 334, 9, 16,
		1, 16, 3, 16, 337, 8, 16, 1, 16, 1, 16, 1, 17, 1, 17, 1, 17, 1, 17, 1,
		17, 4, 17, 346, 8, 17, 11, 17, 12, 17, 347, 1, 17, 1, 17, 1, 18, 1, 18,
		3, 18, 354, 8, 18, 1, 19, 1, 19, 1, 19, 1, 19, 1, 19, 3, 19, 361, 8, 19,
		1, 19, 1, 19, 5, 19, 365, 8, 19, 10, 19, 12, 19, 368, 9, 19, 1, 19, 1,
		19, 1, 19, 1, 20, 1, 20, 1, 21, 1, 21, 1, 21, 1, 21, 1, 21, 3, 21, 380,
		8, 21, 1, 21, 1, 21, 1, 21, 1, 21, 1, 21, 1, 22, 1, 22, 1, 22, 1, 22, 1,
		22, 1, 22, 1, 22, 1, 22, 1, 23, 1, 23, 1, 23, 1, 23, 1, 23, 1, 23, 1, 23,
		1, 24, 1, 24, 1, 24, 1, 24, 1, 24, 5, 24, 407, 8, 24, 10, 24, 12, 24, 410,
		9, 24, 1, 24, 1, 24, 1, 24, 1, 24, 1, 24, 1, 24, 1, 24, 1, 25, 1, 25, 1,
		25, 1, 25, 1, 25, 5, 25, 424, 8, 25, 10, 25, 12, 25, 427, 9, 25, 1, 25,
		1, 25, 1, 25, 1, 25, 1, 25, 1, 25, 1, 25, 1, 26, 1, 26, 1, 26, 1, 26, 1,
		27, 1, 27, 1, 27, 1, 27, 1, 27, 1, 27, 5, 27, 446, 8, 27, 10, 27, 12, 27,
		449, 9, 27, 3, 27, 451, 8, 27, 1, 27, 1, 27, 3, 27, 455, 8, 27, 1, 27,
		1, 27, 1, 27, 1, 27, 1, 27, 1, 27, 1, 28, 1, 28, 1, 28, 1, 29, 3, 29, 467,
		8, 29, 1, 29, 1, 29, 1, 29, 5, 29, 472, 8, 29, 10, 29, 12, 29, 475, 9,
		29, 1, 30, 1, 30, 3, 30, 479, 8, 30, 1, 31, 1, 31, 1, 31, 1, 31, 3, 31,
		485, 8, 31, 1, 31, 1, 31, 1, 32, 1, 32, 1, 32, 1, 32, 1, 33, 1, 33, 3,
		33, 495, 8, 33, 1, 34, 1, 34, 1, 34, 3, 34, 500, 8, 34, 1, 35, 1, 35, 1,
		35, 1, 35, 1, 35, 1, 35, 1, 35, 1, 35, 5, 35, 510, 8, 35, 10, 35, 12, 35,
		513, 9, 35, 1, 35, 3, 35, 516, 8, 35, 1, 36, 1, 36, 1, 36, 1, 36, 1, 36,
		1, 36, 1, 36, 1, 36, 1, 37, 1, 37, 1, 37, 1, 37, 1, 37, 1, 37, 1, 37, 1,
		38, 1, 38, 1, 38, 1, 38, 1, 38, 1, 38, 1, 38, 1, 38, 3, 38, 541, 8, 38,
		1, 38, 1, 38, 1, 38, 1, 38, 1, 38, 1, 38, 1, 38, 1, 39, 1, 39, 1, 39, 1,
		39, 1, 39, 1, 39, 1, 39, 1, 39, 1, 40, 1, 40, 1, 40, 1, 40, 1, 40, 1, 40,
		1, 40, 1, 40, 1, 40, 1, 40, 3, 40, 568, 8, 40, 1, 40, 1, 40, 1, 40, 1,
		40, 1, 40, 1, 40, 1, 40, 1, 40, 1, 40, 1, 40, 1, 40, 1, 40, 1, 40, 1, 40,
		1, 40, 1, 40, 1, 40, 1, 40, 1, 40, 1, 40, 1, 40, 1, 40, 1, 40, 1, 40, 5,
		40, 594, 8, 40, 10, 40, 12, 40, 597, 9, 40, 1, 41, 1, 41, 1, 41, 1, 41,
		3, 41, 603, 8, 41, 1, 41, 1, 41, 1, 41, 3, 41, 608, 8, 41, 1, 42, 1, 42,
		1, 42, 1, 42, 1, 42, 5, 42, 615, 8, 42, 10, 42, 12, 42, 618, 9, 42, 3,
		42, 620, 8, 42, 1, 42, 1, 42, 1, 42, 0, 3, 18, 22, 80, 43, 0, 2, 4, 6,
		8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42,
		44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 64, 66, 68, 70, 72, 74, 76, 78,
		80, 82, 84, 0, 13, 1, 0, 30, 32, 2, 0, 51, 51, 53, 53, 1, 0, 49, 50, 1,
		0, 91, 92, 1, 0, 41, 42, 2, 0, 37, 37, 40, 40, 3, 0, 23, 23, 87, 88, 91,
		92, 1, 0, 74, 79, 2, 0, 49, 50, 56, 56, 2, 0, 51, 51, 53, 55, 1, 0, 57,
		61, 1, 0, 67, 73, 1, 0, 24, 25, 672, 0, 89, 1, 0, 0, 0, 2, 112, 1, 0, 0,
		0, 4, 121, 1, 0, 0, 0, 6, 141, 1, 0, 0, 0, 8, 143, 1, 0, 0, 0, 10, 157,
		1, 0, 0, 0, 12, 187, 1, 0, 0, 0, 14, 206, 1, 0, 0, 0, 16, 214, 1, 0, 0,
		0, 18, 225, 1, 0, 0, 0, 20, 250, 1, 0, 0, 0, 22, 258, 1, 0, 0, 0, 24, 272,
		1, 0, 0, 0, 26, 286, 1, 0, 0, 0, 28, 289, 1, 0, 0, 0, 30, 307, 1, 0, 0,
		0, 32, 321, 1, 0, 0, 0, 34, 340, 1, 0, 0, 0, 36, 353, 1, 0, 0, 0, 38, 355,
		1, 0, 0, 0, 40, 372, 1, 0, 0, 0, 42, 374, 1, 0, 0, 0, 44, 386, 1, 0, 0,
		0, 46, 394, 1, 0, 0, 0, 48, 401, 1, 0, 0, 0, 50, 418, 1, 0, 0, 0, 52, 435,
		1, 0, 0, 0, 54, 439, 1, 0, 0, 0, 56, 462, 1, 0, 0, 0, 58, 466, 1, 0, 0,
		0, 60, 478, 1, 0, 0, 0, 62, 484, 1, 0, 0, 0, 64, 488, 1, 0, 0, 0, 66, 492,
		1, 0, 0, 0, 68, 499, 1, 0, 0, 0, 70, 501, 1, 0, 0, 0, 72, 517, 1, 0, 0,
		0, 74, 525, 1, 0, 0, 0, 76, 532, 1, 0, 0, 0, 78, 549, 1, 0, 0, 0, 80, 567,
		1, 0, 0, 0, 82, 607, 1, 0, 0, 0, 84, 609, 1, 0, 0, 0, 86, 88, 5, 5, 0,
		0, 87, 86, 1, 0, 0, 0, 88, 91, 1, 0, 0, 0, 89, 87, 1, 0, 0, 0, 89, 90,
		1, 0, 0, 0, 90, 101, 1, 0, 0, 0, 91, 89, 1, 0, 0, 0, 92, 97, 5, 1, 0, 0,
		93, 96, 3, 4, 2, 0, 94, 96, 5, 5, 0, 0, 95, 93, 1, 0, 0, 0, 95, 94, 1,
		0, 0, 0, 96, 99, 1, 0, 0, 0, 97, 95, 1, 0, 0, 0, 97, 98, 1, 0, 0, 0, 98,
		100, 1, 0, 0, 0, 99, 97, 1, 0, 0, 0, 100, 102, 5, 2, 0, 0, 101, 92, 1,
		0, 0, 0, 101, 102, 1, 0, 0, 0, 102, 107, 1, 0, 0, 0, 103, 106, 3, 4, 2,
		0, 104, 106, 5, 5, 0, 0, 105, 103, 1, 0, 0, 0, 105, 104, 1, 0, 0, 0, 106,
		109, 1, 0, 0, 0, 107, 105, 1, 0, 0, 0, 107, 108, 1, 0, 0, 0, 108, 110,
		1, 0, 0, 0, 109, 107, 1, 0, 0, 0, 110, 111, 5, 0, 0, 1, 111, 1, 1, 0, 0,
		0, 112, 116, 3, 80, 40, 0, 113, 115, 5, 5, 0, 0, 114, 113, 1, 0, 0, 0,
		115, 118, 1, 0, 0, 0, 116, 114, 1, 0, 0, 0, 116, 117, 1, 0, 0, 0, 117,
		119, 1, 0, 0, 0, 118, 116, 1, 0, 0, 0, 119, 120, 5, 0, 0, 1, 120, 3, 1,
		0, 0, 0, 121, 122, 5, 29, 0, 0, 122, 123, 5, 90, 0, 0, 123, 124, 5, 81,
		0, 0, 124, 125, 5, 5, 0, 0, 125, 127, 5, 1, 0, 0, 126, 128, 3, 6, 3, 0,
		127, 126, 1, 0, 0, 0, 128, 129, 1, 0, 0, 0, 129, 127, 1, 0, 0, 0, 129,
		130, 1, 0, 0, 0, 130, 131, 1, 0, 0, 0, 131, 132, 5, 2, 0, 0, 132, 5, 1,
		0, 0, 0, 133, 142, 3, 8, 4, 0, 134, 142, 3, 24, 12, 0, 135, 142, 3, 34,
		17, 0, 136, 142, 3, 44, 22, 0, 137, 142, 3, 54, 27, 0, 138, 142, 3, 48,
		24, 0, 139, 142, 3, 50, 25, 0, 140, 142, 3, 46, 23, 0, 141, 133, 1, 0,
		0, 0, 141, 134, 1, 0, 0, 0, 141, 135, 1, 0, 0, 0, 141, 136, 1, 0, 0, 0,
		141, 137, 1, 0, 0, 0, 141, 138, 1, 0, 0, 0, 141, 139, 1, 0, 0, 0, 141,
		140, 1, 0, 0, 0, 142, 7, 1, 0, 0, 0, 143, 144, 7, 0, 0, 0, 144, 145, 5,
		81, 0, 0, 145, 146, 5, 5, 0, 0, 146, 150, 5, 1, 0, 0, 147, 148, 3, 10,
		5, 0, 148, 149, 5, 5, 0, 0, 149, 151, 1, 0, 0, 0, 150, 147, 1, 0, 0, 0,
		151, 152, 1, 0, 0, 0, 152, 150, 1, 0, 0, 0, 152, 153, 1, 0, 0, 0, 153,
		154, 1, 0, 0, 0, 154, 155, 5, 2, 0, 0, 155, 9, 1, 0, 0, 0, 156, 158, 5,
		27, 0, 0, 157, 156, 1, 0, 0, 0, 157, 158, 1, 0, 0, 0, 158, 160, 1, 0, 0,
		0, 159, 161, 5, 14, 0, 0, 160, 159, 1, 0, 0, 0, 160, 161, 1, 0, 0, 0, 161,
		162, 1, 0, 0, 0, 162, 167, 3, 12, 6, 0, 163, 164, 5, 80, 0, 0, 164, 166,
		3, 12, 6, 0, 165, 163, 1, 0, 0, 0, 166, 169, 1, 0, 0, 0, 167, 165, 1, 0,
		0, 0, 167, 168, 1, 0, 0, 0, 168, 170, 1, 0, 0, 0, 169, 167, 1, 0, 0, 0,
		170, 173, 3, 16, 8, 0, 171, 172, 5, 74, 0, 0, 172, 174, 3, 80, 40, 0, 173,
		171, 1, 0, 0, 0, 173, 174, 1, 0, 0, 0, 174, 179, 1, 0, 0, 0, 175, 176,
		5, 64, 0, 0, 176, 177, 3, 80, 40, 0, 177, 178, 5, 65, 0, 0, 178, 180, 1,
		0, 0, 0, 179, 175, 1, 0, 0, 0, 179, 180, 1, 0, 0, 0, 180, 184, 1, 0, 0,
		0, 181, 183, 3, 14, 7, 0, 182, 181, 1, 0, 0, 0, 183, 186, 1, 0, 0, 0, 184,
		182, 1, 0, 0, 0, 184, 185, 1, 0, 0, 0, 185, 11, 1, 0, 0, 0, 186, 184, 1,
		0, 0, 0, 187, 192, 5, 90, 0, 0, 188, 189, 5, 62, 0, 0, 189, 190, 3, 80,
		40, 0, 190, 191, 5, 63, 0, 0, 191, 193, 1, 0, 0, 0, 192, 188, 1, 0, 0,
		0, 192, 193, 1, 0, 0, 0, 193, 197, 1, 0, 0, 0, 194, 196, 5, 86, 0, 0, 195,
		194, 1, 0, 0, 0, 196, 199, 1, 0, 0, 0, 197, 195, 1, 0, 0, 0, 197, 198,
		1, 0, 0, 0, 198, 13, 1, 0, 0, 0, 199, 197, 1, 0, 0, 0, 200, 207, 5, 43,
		0, 0, 201, 207, 5, 44, 0, 0, 202, 203, 5, 45, 0, 0, 203, 204, 5, 90, 0,
		0, 204, 205, 5, 82, 0, 0, 205, 207, 5, 90, 0, 0, 206, 200, 1, 0, 0, 0,
		206, 201, 1, 0, 0, 0, 206, 202, 1, 0, 0, 0, 207, 15, 1, 0, 0, 0, 208, 215,
		5, 8, 0, 0, 209, 215, 5, 9, 0, 0, 210, 215, 5, 10, 0, 0, 211, 215, 5, 11,
		0, 0, 212, 215, 5, 12, 0, 0, 213, 215, 3, 18, 9, 0, 214, 208, 1, 0, 0,
		0, 214, 209, 1, 0, 0, 0, 214, 210, 1, 0, 0, 0, 214, 211, 1, 0, 0, 0, 214,
		212, 1, 0, 0, 0, 214, 213, 1, 0, 0, 0, 215, 17, 1, 0, 0, 0, 216, 217, 6,
		9, -1, 0, 217, 218, 5, 47, 0, 0, 218, 219, 3, 18, 9, 0, 219, 220, 5, 48,
		0, 0, 220, 226, 1, 0, 0, 0, 221, 222, 5, 91, 0, 0, 222, 223, 5, 53, 0,
		0, 223, 226, 3, 18, 9, 2, 224, 226, 5, 90, 0, 0, 225, 216, 1, 0, 0, 0,
		225, 221, 1, 0, 0, 0, 225, 224, 1, 0, 0, 0, 226, 235, 1, 0, 0, 0, 227,
		228, 10, 3, 0, 0, 228, 229, 7, 1, 0, 0, 229, 234, 3, 18, 9, 4, 230, 231,
		10, 4, 0, 0, 231, 232, 5, 52, 0, 0, 232, 234, 3, 20, 10, 0, 233, 227, 1,
		0, 0, 0, 233, 230, 1, 0, 0, 0, 234, 237, 1, 0, 0, 0, 235, 233, 1, 0, 0,
		0, 235, 236, 1, 0, 0, 0, 236, 19, 1, 0, 0, 0, 237, 235, 1, 0, 0, 0, 238,
		240, 7, 2, 0, 0, 239, 238, 1, 0, 0, 0, 239, 240, 1, 0, 0, 0, 240, 241,
		1, 0, 0, 0, 241, 251, 7, 3, 0, 0, 242, 244, 5, 50, 0, 0, 243, 242, 1, 0,
		0, 0, 243, 244, 1, 0, 0, 0, 244, 245, 1, 0, 0, 0, 245, 246, 5, 47, 0, 0,
		246, 247, 5, 91, 0, 0, 247, 248, 5, 53, 0, 0, 248, 249, 5, 91, 0, 0, 249,
		251, 5, 48, 0, 0, 250, 239, 1, 0, 0, 0, 250, 243, 1, 0, 0, 0, 251, 21,
		1, 0, 0, 0, 252, 253, 6, 11, -1, 0, 253, 254, 5, 47, 0, 0, 254, 255, 3,
		22, 11, 0, 255, 256, 5, 48, 0, 0, 256, 259, 1, 0, 0, 0, 257, 259, 5, 90,
		0, 0, 258, 252, 1, 0, 0, 0, 258, 257, 1, 0, 0, 0, 259, 269, 1, 0, 0, 0,
		260, 261, 10, 2, 0, 0, 261, 262, 4, 11, 3, 0, 262, 263, 7, 1, 0, 0, 263,
		268, 3, 22, 11, 3, 264, 265, 10, 3, 0, 0, 265, 266, 5, 52, 0, 0, 266, 268,
		3, 20, 10, 0, 267, 260, 1, 0, 0, 0, 267, 264, 1, 0, 0, 0, 268, 271, 1,
		0, 0, 0, 269, 267, 1, 0, 0, 0, 269, 270, 1, 0, 0, 0, 270, 23, 1, 0, 0,
		0, 271, 269, 1, 0, 0, 0, 272, 273, 5, 34, 0, 0, 273, 274, 5, 81, 0, 0,
		274, 275, 5, 5, 0, 0, 275, 277, 5, 1, 0, 0, 276, 278, 3, 26, 13, 0, 277,
		276, 1, 0, 0, 0, 278, 279, 1, 0, 0, 0, 279, 277, 1, 0, 0, 0, 279, 280,
		1, 0, 0, 0, 280, 281, 1, 0, 0, 0, 281, 282, 5, 2, 0, 0, 282, 25, 1, 0,
		0, 0, 283, 287, 3, 28, 14, 0, 284, 287, 3, 30, 15, 0, 285, 287, 3, 32,
		16, 0, 286, 283, 1, 0, 0, 0, 286, 284, 1, 0, 0, 0, 286, 285, 1, 0, 0, 0,
		287, 27, 1, 0, 0, 0, 288, 290, 5, 27, 0, 0, 289, 288, 1, 0, 0, 0, 289,
		290, 1, 0, 0, 0, 290, 291, 1, 0, 0, 0, 291, 292, 5, 14, 0, 0, 292, 293,
		5, 90, 0, 0, 293, 294, 3, 16, 8, 0, 294, 295, 5, 74, 0, 0, 295, 297, 3,
		80, 40, 0, 296, 298, 5, 83, 0, 0, 297, 296, 1, 0, 0, 0, 297, 298, 1, 0,
		0, 0, 298, 302, 1, 0, 0, 0, 299, 301, 3, 14, 7, 0, 300, 299, 1, 0, 0, 0,
		301, 304, 1, 0, 0, 0, 302, 300, 1, 0, 0, 0, 302, 303, 1, 0, 0, 0, 303,
		305, 1, 0, 0, 0, 304, 302, 1, 0, 0, 0, 305, 306, 5, 5, 0, 0, 306, 29, 1,
		0, 0, 0, 307, 308, 3, 12, 6, 0, 308, 309, 5, 74, 0, 0, 309, 311, 3, 80,
		40, 0, 310, 312, 5, 83, 0, 0, 311, 310, 1, 0, 0, 0, 311, 312, 1, 0, 0,
		0, 312, 316, 1, 0, 0, 0, 313, 315, 3, 14, 7, 0, 314, 313, 1, 0, 0, 0, 315,
		318, 1, 0, 0, 0, 316, 314, 1, 0, 0, 0, 316, 317, 1, 0, 0, 0, 317, 319,
		1, 0, 0, 0, 318, 316, 1, 0, 0, 0, 319, 320, 5, 5, 0, 0, 320, 31, 1, 0,
		0, 0, 321, 322, 5, 28, 0, 0, 322, 323, 3, 12, 6, 0, 323, 324, 5, 74, 0,
		0, 324, 332, 3, 80, 40, 0, 325, 326, 5, 3, 0, 0, 326, 327, 3, 12, 6, 0,
		327, 328, 5, 74, 0, 0, 328, 329, 3, 80, 40, 0, 329, 331, 1, 0, 0, 0, 330,
		325, 1, 0, 0, 0, 331, 334, 1, 0, 0, 0, 332, 330, 1, 0, 0, 0, 332, 333,
		1, 0, 0, 0, 333, 336, 1, 0, 0, 0, 334, 332, 1, 0, 0, 0, 335, 337, 5, 83,
		0, 0, 336, 335, 1, 0, 0, 0, 336, 337, 1, 0, 0, 0, 337, 338, 1, 0, 0, 0,
		338, 339, 5, 5, 0, 0, 339, 33, 1, 0, 0, 0, 340, 341, 5, 35, 0, 0, 341,
		342, 5, 81, 0, 0, 342, 343, 5, 5, 0, 0, 343, 345, 5, 1, 0, 0, 344, 346,
		3, 36, 18, 0, 345, 344, 1, 0, 0, 0, 346, 347, 1, 0, 0, 0, 347, 345, 1,
		0, 0, 0, 347, 348, 1, 0, 0, 0, 348, 349, 1, 0, 0, 0, 349, 350, 5, 2, 0,
		0, 350, 35, 1, 0, 0, 0, 351, 354, 3, 38, 19, 0, 352, 354, 3, 42, 21, 0,
		353, 351, 1, 0, 0, 0, 353, 352, 1, 0, 0, 0, 354, 37, 1, 0, 0, 0, 355, 360,
		5, 90, 0, 0, 356, 357, 5, 62, 0, 0, 357, 358, 3, 80, 40, 0, 358, 359, 5,
		63, 0, 0, 359, 361, 1, 0, 0, 0, 360, 356, 1, 0, 0, 0, 360, 361, 1, 0, 0,
		0, 361, 362, 1, 0, 0, 0, 362, 366, 5, 66, 0, 0, 363, 365, 3, 40, 20, 0,
		364, 363, 1, 0, 0, 0, 365, 368, 1, 0, 0, 0, 366, 364, 1, 0, 0, 0, 366,
		367, 1, 0, 0, 0, 367, 369, 1, 0, 0, 0, 368, 366, 1, 0, 0, 0, 369, 370,
		5, 40, 0, 0, 370, 371, 5, 5, 0, 0, 371, 39, 1, 0, 0, 0, 372, 373, 7, 4,
		0, 0, 373, 41, 1, 0, 0, 0, 374, 379, 5, 90, 0, 0, 375, 376, 5, 62, 0, 0,
		376, 377, 3, 80, 40, 0, 377, 378, 5, 63, 0, 0, 378, 380, 1, 0, 0, 0, 379,
		375, 1, 0, 0, 0, 379, 380, 1, 0, 0, 0, 380, 381, 1, 0, 0, 0, 381, 382,
		3, 16, 8, 0, 382, 383, 5, 66, 0, 0, 383, 384, 5, 37, 0, 0, 384, 385, 5,
		5, 0, 0, 385, 43, 1, 0, 0, 0, 386, 387, 5, 36, 0, 0, 387, 388, 5, 81, 0,
		0, 388, 389, 5, 5, 0, 0, 389, 390, 5, 1, 0, 0, 390, 391, 7, 5, 0, 0, 391,
		392, 5, 5, 0, 0, 392, 393, 5, 2, 0, 0, 393, 45, 1, 0, 0, 0, 394, 395, 5,
		33, 0, 0, 395, 396, 5, 81, 0, 0, 396, 397, 5, 5, 0, 0, 397, 398, 5, 1,
		0, 0, 398, 399, 3, 58, 29, 0, 399, 400, 5, 2, 0, 0, 400, 47, 1, 0, 0, 0,
		401, 402, 5, 38, 0, 0, 402, 403, 5, 47, 0, 0, 403, 408, 5, 90, 0, 0, 404,
		405, 5, 80, 0, 0, 405, 407, 3, 52, 26, 0, 406, 404, 1, 0, 0, 0, 407, 410,
		1, 0, 0, 0, 408, 406, 1, 0, 0, 0, 408, 409, 1, 0, 0, 0, 409, 411, 1, 0,
		0, 0, 410, 408, 1, 0, 0, 0, 411, 412, 5, 48, 0, 0, 412, 413, 5, 81, 0,
		0, 413, 414, 5, 5, 0, 0, 414, 415, 5, 1, 0, 0, 415, 416, 3, 58, 29, 0,
		416, 417, 5, 2, 0, 0, 417, 49, 1, 0, 0, 0, 418, 419, 5, 39, 0, 0, 419,
		420, 5, 47, 0, 0, 420, 425, 3, 80, 40, 0, 421, 422, 5, 80, 0, 0, 422, 424,
		3, 52, 26, 0, 423, 421, 1, 0, 0, 0, 424, 427, 1, 0, 0, 0, 425, 423, 1,
		0, 0, 0, 425, 426, 1, 0, 0, 0, 426, 428, 1, 0, 0, 0, 427, 425, 1, 0, 0,
		0, 428, 429, 5, 48, 0, 0, 429, 430, 5, 81, 0, 0, 430, 431, 5, 5, 0, 0,
		431, 432, 5, 1, 0, 0, 432, 433, 3, 58, 29, 0, 433, 434, 5, 2, 0, 0, 434,
		51, 1, 0, 0, 0, 435, 436, 5, 90, 0, 0, 436, 437, 5, 74, 0, 0, 437, 438,
		7, 6, 0, 0, 438, 53, 1, 0, 0, 0, 439, 440, 5, 13, 0, 0, 440, 441, 5, 90,
		0, 0, 441, 450, 5, 47, 0, 0, 442, 447, 3, 56, 28, 0, 443, 444, 5, 80, 0,
		0, 444, 446, 3, 56, 28, 0, 445, 443, 1, 0, 0, 0, 446, 449, 1, 0, 0, 0,
		447, 445, 1, 0, 0, 0, 447, 448, 1, 0, 0, 0, 448, 451, 1, 0, 0, 0, 449,
		447, 1, 0, 0, 0, 450, 442, 1, 0, 0, 0, 450, 451, 1, 0, 0, 0, 451, 452,
		1, 0, 0, 0, 452, 454, 5, 48, 0, 0, 453, 455, 3, 16, 8, 0, 454, 453, 1,
		0, 0, 0, 454, 455, 1, 0, 0, 0, 455, 456, 1, 0, 0, 0, 456, 457, 5, 81, 0,
		0, 457, 458, 5, 5, 0, 0, 458, 459, 5, 1, 0, 0, 459, 460, 3, 58, 29, 0,
		460, 461, 5, 2, 0, 0, 461, 55, 1, 0, 0, 0, 462, 463, 5, 90, 0, 0, 463,
		464, 3, 16, 8, 0, 464, 57, 1, 0, 0, 0, 465, 467, 5, 5, 0, 0, 466, 465,
		1, 0, 0, 0, 466, 467, 1, 0, 0, 0, 467, 468, 1, 0, 0, 0, 468, 473, 3, 60,
		30, 0, 469, 472, 5, 5, 0, 0, 470, 472, 3, 60, 30, 0, 471, 469, 1, 0, 0,
		0, 471, 470, 1, 0, 0, 0, 472, 475, 1, 0, 0, 0, 473, 471, 1, 0, 0, 0, 473,
		474, 1, 0, 0, 0, 474, 59, 1, 0, 0, 0, 475, 473, 1, 0, 0, 0, 476, 479, 3,
		62, 31, 0, 477, 479, 3, 68, 34, 0, 478, 476, 1, 0, 0, 0, 478, 477, 1, 0,
		0, 0, 479, 61, 1, 0, 0, 0, 480, 485, 3, 64, 32, 0, 481, 485, 3, 84, 42,
		0, 482, 485, 3, 10, 5, 0, 483, 485, 3, 66, 33, 0, 484, 480, 1, 0, 0, 0,
		484, 481, 1, 0, 0, 0, 484, 482, 1, 0, 0, 0, 484, 483, 1, 0, 0, 0, 485,
		486, 1, 0, 0, 0, 486, 487, 5, 5, 0, 0, 487, 63, 1, 0, 0, 0, 488, 489, 3,
		12, 6, 0, 489, 490, 7, 7, 0, 0, 490, 491, 3, 80, 40, 0, 491, 65, 1, 0,
		0, 0, 492, 494, 5, 15, 0, 0, 493, 495, 3, 80, 40, 0, 494, 493, 1, 0, 0,
		0, 494, 495, 1, 0, 0, 0, 495, 67, 1, 0, 0, 0, 496, 500, 3, 70, 35, 0, 497,
		500, 3, 76, 38, 0, 498, 500, 3, 78, 39, 0, 499, 496, 1, 0, 0, 0, 499, 497,
		1, 0, 0, 0, 499, 498, 1, 0, 0, 0, 500, 69, 1, 0, 0, 0, 501, 502, 5, 16,
		0, 0, 502, 503, 3, 80, 40, 0, 503, 504, 5, 81, 0, 0, 504, 505, 5, 5, 0,
		0, 505, 506, 5, 1, 0, 0, 506, 507, 3, 58, 29, 0, 507, 511, 5, 2, 0, 0,
		508, 510, 3, 72, 36, 0, 509, 508, 1, 0, 0, 0, 510, 513, 1, 0, 0, 0, 511,
		509, 1, 0, 0, 0, 511, 512, 1, 0, 0, 0, 512, 515, 1, 0, 0, 0, 513, 511,
		1, 0, 0, 0, 514, 516, 3, 74, 37, 0, 515, 514, 1, 0, 0, 0, 515, 516, 1,
		0, 0, 0, 516, 71, 1, 0, 0, 0, 517, 518, 5, 17, 0, 0, 518, 519, 3, 80, 40,
		0, 519, 520, 5, 81, 0, 0, 520, 521, 5, 5, 0, 0, 521, 522, 5, 1, 0, 0, 522,
		523, 3, 58, 29, 0, 523, 524, 5, 2, 0, 0, 524, 73, 1, 0, 0, 0, 525, 526,
		5, 18, 0, 0, 526, 527, 5, 81, 0, 0, 527, 528, 5, 5, 0, 0, 528, 529, 5,
		1, 0, 0, 529, 530, 3, 58, 29, 0, 530, 531, 5, 2, 0, 0, 531, 75, 1, 0, 0,
		0, 532, 533, 5, 19, 0, 0, 533, 534, 5, 90, 0, 0, 534, 535, 5, 21, 0, 0,
		535, 536, 3, 80, 40, 0, 536, 537, 5, 46, 0, 0, 537, 538, 3, 80, 40, 0,
		538, 540, 5, 22, 0, 0, 539, 541, 5, 50, 0, 0, 540, 539, 1, 0, 0, 0, 540,
		541, 1, 0, 0, 0, 541, 542, 1, 0, 0, 0, 542, 543, 7, 3, 0, 0, 543, 544,
		5, 81, 0, 0, 544, 545, 5, 5, 0, 0, 545, 546, 5, 1, 0, 0, 546, 547, 3, 58,
		29, 0, 547, 548, 5, 2, 0, 0, 548, 77, 1, 0, 0, 0, 549, 550, 5, 20, 0, 0,
		550, 551, 3, 80, 40, 0, 551, 552, 5, 81, 0, 0, 552, 553, 5, 5, 0, 0, 553,
		554, 5, 1, 0, 0, 554, 555, 3, 58, 29, 0, 555, 556, 5, 2, 0, 0, 556, 79,
		1, 0, 0, 0, 557, 558, 6, 40, -1, 0, 558, 559, 5, 47, 0, 0, 559, 560, 3,
		80, 40, 0, 560, 561, 5, 48, 0, 0, 561, 568, 1, 0, 0, 0, 562, 563, 7, 8,
		0, 0, 563, 568, 3, 80, 40, 9, 564, 565, 5, 26, 0, 0, 565, 568, 3, 80, 40,
		4, 566, 568, 3, 82, 41, 0, 567, 557, 1, 0, 0, 0, 567, 562, 1, 0, 0, 0,
		567, 564, 1, 0, 0, 0, 567, 566, 1, 0, 0, 0, 568, 595, 1, 0, 0, 0, 569,
		570, 10, 10, 0, 0, 570, 571, 5, 52, 0, 0, 571, 594, 3, 80, 40, 10, 572,
		573, 10, 8, 0, 0, 573, 574, 7, 9, 0, 0, 574, 594, 3, 80, 40, 9, 575, 576,
		10, 7, 0, 0, 576, 577, 7, 2, 0, 0, 577, 594, 3, 80, 40, 8, 578, 579, 10,
		6, 0, 0, 579, 580, 7, 10, 0, 0, 580, 594, 3, 80, 40, 7, 581, 582, 10, 5,
		0, 0, 582, 583, 7, 11, 0, 0, 583, 594, 3, 80, 40, 6, 584, 585, 10, 3, 0,
		0, 585, 586, 7, 12, 0, 0, 586, 594, 3, 80, 40, 4, 587, 588, 10, 2, 0, 0,
		588, 589, 5, 84, 0, 0, 589, 590, 3, 80, 40, 0, 590, 591, 5, 81, 0, 0, 591,
		592, 3, 80, 40, 3, 592, 594, 1, 0, 0, 0, 593, 569, 1, 0, 0, 0, 593, 572,
		1, 0, 0, 0, 593, 575, 1, 0, 0, 0, 593, 578, 1, 0, 0, 0, 593, 581, 1, 0,
		0, 0, 593, 584, 1, 0, 0, 0, 593, 587, 1, 0, 0, 0, 594, 597, 1, 0, 0, 0,
		595, 593, 1, 0, 0, 0, 595, 596, 1, 0, 0, 0, 596, 81, 1, 0, 0, 0, 597, 595,
		1, 0, 0, 0, 598, 608, 3, 84, 42, 0, 599, 608, 5, 87, 0, 0, 600, 602, 7,
		3, 0, 0, 601, 603, 3, 22, 11, 0, 602, 601, 1, 0, 0, 0, 602, 603, 1, 0,
		0, 0, 603, 608, 1, 0, 0, 0, 604, 608, 5, 88, 0, 0, 605, 608, 5, 23, 0,
		0, 606, 608, 3, 12, 6, 0, 607, 598, 1, 0, 0, 0, 607, 599, 1, 0, 0, 0, 607,
		600, 1, 0, 0, 0, 607, 604, 1, 0, 0, 0, 607, 605, 1, 0, 0, 0, 607, 606,
		1, 0, 0, 0, 608, 83, 1, 0, 0, 0, 609, 610, 5, 90, 0, 0, 610, 619, 5, 47,
		0, 0, 611, 616, 3, 80, 40, 0, 612, 613, 5, 80, 0, 0, 613, 615, 3, 80, 40,
		0, 614, 612, 1, 0, 0, 0, 615, 618, 1, 0, 0, 0, 616, 614, 1, 0, 0, 0, 616,
		617, 1, 0, 0, 0, 617, 620, 1, 0, 0, 0, 618, 616, 1, 0, 0, 0, 619, 611,
		1, 0, 0, 0, 619, 620, 1, 0, 0, 0, 620, 621, 1, 0, 0, 0, 621, 622, 5, 48,
		0, 0, 622, 85, 1, 0, 0, 0, 65, 89, 95, 97, 101, 105, 107, 116, 129, 141,
		152, 157, 160, 167, 173, 179, 184, 192, 197, 206, 214, 225, 233, 235, 239,
		243, 250, 258, 267, 269, 279, 286, 289, 297, 302, 311, 316, 332, 336, 347,
		353, 360, 366, 379, 408, 425, 447, 450, 454, 466, 471, 473, 478, 484, 494,
		499, 511, 515, 540, 567, 593, 595, 602, 607, 616, 619,
	}
	deserializer := antlr.NewATNDeserializer(nil)
	staticData.atn = deserializer.Deserialize(staticData.serializedATN)
	atn := staticData.atn
	staticData.decisionToDFA = make([]*antlr.DFA, len(atn.DecisionToState))
	decisionToDFA := staticData.decisionToDFA
	for index, state := range atn.DecisionToState {
		decisionToDFA[index] = antlr.NewDFA(state, index)
	}
}

// NestmlParserInit initializes any static state used to implement NestmlParser. By default the
// static state used to implement the parser is lazily initialized during the first call to
// NewNestmlParser(). You can call this function if you wish to initialize the static state ahead
// of time.
func NestmlParserInit() {
	staticData := &NestmlParserParserStaticData
	staticData.once.Do(nestmlparserParserInit)
}

// NewNestmlParser produces a new parser instance for the optional input antlr.TokenStream.
func NewNestmlParser(input antlr.TokenStream) *NestmlParser {
	NestmlParserInit()
	this := new(NestmlParser)
	this.BaseParser = antlr.NewBaseParser(input)
	staticData := &NestmlParserParserStaticData
	this.Interpreter = antlr.NewParserATNSimulator(this, staticData.atn, staticData.decisionToDFA, staticData.PredictionContextCache)
	this.RuleNames = staticData.RuleNames
	this.LiteralNames = staticData.LiteralNames
	this.SymbolicNames = staticData.SymbolicNames
	this.GrammarFileName = "NestmlParser.g4"

	return this
}

// NestmlParser tokens.
const (
	NestmlParserEOF                         = antlr.TokenEOF
	NestmlParserINDENT                      = 1
	NestmlParserDEDENT                      = 2
	NestmlParserKERNEL_JOINING              = 3
	NestmlParserLINE_ESCAPE                 = 4
	NestmlParserNEWLINE                     = 5
	NestmlParserWS                          = 6
	NestmlParserSL_COMMENT                  = 7
	NestmlParserINTEGER_KEYWORD             = 8
	NestmlParserREAL_KEYWORD                = 9
	NestmlParserSTRING_KEYWORD              = 10
	NestmlParserBOOLEAN_KEYWORD             = 11
	NestmlParserVOID_KEYWORD                = 12
	NestmlParserFUNCTION_KEYWORD            = 13
	NestmlParserINLINE_KEYWORD              = 14
	NestmlParserRETURN_KEYWORD              = 15
	NestmlParserIF_KEYWORD                  = 16
	NestmlParserELIF_KEYWORD                = 17
	NestmlParserELSE_KEYWORD                = 18
	NestmlParserFOR_KEYWORD                 = 19
	NestmlParserWHILE_KEYWORD               = 20
	NestmlParserIN_KEYWORD                  = 21
	NestmlParserSTEP_KEYWORD                = 22
	NestmlParserINF_KEYWORD                 = 23
	NestmlParserAND_KEYWORD                 = 24
	NestmlParserOR_KEYWORD                  = 25
	NestmlParserNOT_KEYWORD                 = 26
	NestmlParserRECORDABLE_KEYWORD          = 27
	NestmlParserKERNEL_KEYWORD              = 28
	NestmlParserMODEL_KEYWORD               = 29
	NestmlParserSTATE_KEYWORD               = 30
	NestmlParserPARAMETERS_KEYWORD          = 31
	NestmlParserINTERNALS_KEYWORD           = 32
	NestmlParserUPDATE_KEYWORD              = 33
	NestmlParserEQUATIONS_KEYWORD           = 34
	NestmlParserINPUT_KEYWORD               = 35
	NestmlParserOUTPUT_KEYWORD              = 36
	NestmlParserCONTINUOUS_KEYWORD          = 37
	NestmlParserON_RECEIVE_KEYWORD          = 38
	NestmlParserON_CONDITION_KEYWORD        = 39
	NestmlParserSPIKE_KEYWORD               = 40
	NestmlParserINHIBITORY_KEYWORD          = 41
	NestmlParserEXCITATORY_KEYWORD          = 42
	NestmlParserDECORATOR_HOMOGENEOUS       = 43
	NestmlParserDECORATOR_HETEROGENEOUS     = 44
	NestmlParserAT                          = 45
	NestmlParserELLIPSIS                    = 46
	NestmlParserLEFT_PAREN                  = 47
	NestmlParserRIGHT_PAREN                 = 48
	NestmlParserPLUS                        = 49
	NestmlParserMINUS                       = 50
	NestmlParserSTAR                        = 51
	NestmlParserSTAR_STAR                   = 52
	NestmlParserFORWARD_SLASH               = 53
	NestmlParserDOUBLE_FORWARD_SLASH        = 54
	NestmlParserPERCENT                     = 55
	NestmlParserTILDE                       = 56
	NestmlParserPIPE                        = 57
	NestmlParserCARET                       = 58
	NestmlParserAMPERSAND                   = 59
	NestmlParserLEFT_LEFT_ANGLE             = 60
	NestmlParserRIGHT_RIGHT_ANGLE           = 61
	NestmlParserLEFT_SQUARE_BRACKET         = 62
	NestmlParserRIGHT_SQUARE_BRACKET        = 63
	NestmlParserLEFT_LEFT_SQUARE            = 64
	NestmlParserRIGHT_RIGHT_SQUARE          = 65
	NestmlParserLEFT_ANGLE_MINUS            = 66
	NestmlParserLEFT_ANGLE                  = 67
	NestmlParserRIGHT_ANGLE                 = 68
	NestmlParserLEFT_ANGLE_EQUALS           = 69
	NestmlParserRIGHT_ANGLE_EQUALS          = 70
	NestmlParserEQUALS_EQUALS               = 71
	NestmlParserEXCLAMATION_EQUALS          = 72
	NestmlParserLEFT_ANGLE_RIGHT_ANGLE      = 73
	NestmlParserEQUALS                      = 74
	NestmlParserPLUS_EQUALS                 = 75
	NestmlParserMINUS_EQUALS                = 76
	NestmlParserSTAR_EQUALS                 = 77
	NestmlParserFORWARD_SLASH_EQUALS        = 78
	NestmlParserDOUBLE_FORWARD_SLASH_EQUALS = 79
	NestmlParserCOMMA                       = 80
	NestmlParserCOLON                       = 81
	NestmlParserDOUBLE_COLON                = 82
	NestmlParserSEMICOLON                   = 83
	NestmlParserQUESTION                    = 84
	NestmlParserFULLSTOP                    = 85
	NestmlParserDIFFERENTIAL_ORDER          = 86
	NestmlParserBOOLEAN_LITERAL             = 87
	NestmlParserSTRING_LITERAL              = 88
	NestmlParserUNTERMINATED_STRING         = 89
	NestmlParserNAME                        = 90
	NestmlParserUNSIGNED_INTEGER            = 91
	NestmlParserFLOAT                       = 92
	NestmlParserERROR_CHAR                  = 93
)

// NestmlParser rules.
const (
	NestmlParserRULE_compilationUnit      = 0
	NestmlParserRULE_standaloneExpression = 1
	NestmlParserRULE_model                = 2
	NestmlParserRULE_modelBodyElement     = 3
	NestmlParserRULE_variableBlock        = 4
	NestmlParserRULE_declaration          = 5
	NestmlParserRULE_variable             = 6
	NestmlParserRULE_decorator            = 7
	NestmlParserRULE_dataType             = 8
	NestmlParserRULE_unitType             = 9
	NestmlParserRULE_unitExponent         = 10
	NestmlParserRULE_literalUnit          = 11
	NestmlParserRULE_equationsBlock       = 12
	NestmlParserRULE_equationElement      = 13
	NestmlParserRULE_inlineExpression     = 14
	NestmlParserRULE_odeEquation          = 15
	NestmlParserRULE_kernel               = 16
	NestmlParserRULE_inputBlock           = 17
	NestmlParserRULE_inputPort            = 18
	NestmlParserRULE_spikeInputPort       = 19
	NestmlParserRULE_inputQualifier       = 20
	NestmlParserRULE_continuousInputPort  = 21
	NestmlParserRULE_outputBlock          = 22
	NestmlParserRULE_updateBlock          = 23
	NestmlParserRULE_onReceiveBlock       = 24
	NestmlParserRULE_onConditionBlock     = 25
	NestmlParserRULE_constParameter       = 26
	NestmlParserRULE_functionDefinition   = 27
	NestmlParserRULE_parameter            = 28
	NestmlParserRULE_stmtsBody            = 29
	NestmlParserRULE_stmt                 = 30
	NestmlParserRULE_smallStmt            = 31
	NestmlParserRULE_assignment           = 32
	NestmlParserRULE_returnStmt           = 33
	NestmlParserRULE_compoundStmt         = 34
	NestmlParserRULE_ifStmt               = 35
	NestmlParserRULE_elifClause           = 36
	NestmlParserRULE_elseClause           = 37
	NestmlParserRULE_forStmt              = 38
	NestmlParserRULE_whileStmt            = 39
	NestmlParserRULE_expression           = 40
	NestmlParserRULE_simpleExpression     = 41
	NestmlParserRULE_functionCall         = 42
)

// ICompilationUnitContext is an interface to support dynamic dispatch.
type ICompilationUnitContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	EOF() antlr.TerminalNode
	AllNEWLINE() []antlr.TerminalNode
	NEWLINE(i int) antlr.TerminalNode
	INDENT() antlr.TerminalNode
	DEDENT() antlr.TerminalNode
	AllModel() []IModelContext
	Model(i int) IModelContext

	// IsCompilationUnitContext differentiates from other interfaces.
	IsCompilationUnitContext()
}

type CompilationUnitContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyCompilationUnitContext() *CompilationUnitContext {
	var p = new(CompilationUnitContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_compilationUnit
	return p
}

func InitEmptyCompilationUnitContext(p *CompilationUnitContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_compilationUnit
}

func (*CompilationUnitContext) IsCompilationUnitContext() {}

func NewCompilationUnitContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *CompilationUnitContext {
	var p = new(CompilationUnitContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_compilationUnit

	return p
}

func (s *CompilationUnitContext) GetParser() antlr.Parser { return s.parser }

func (s *CompilationUnitContext) EOF() antlr.TerminalNode {
	return s.GetToken(NestmlParserEOF, 0)
}

func (s *CompilationUnitContext) AllNEWLINE() []antlr.TerminalNode {
	return s.GetTokens(NestmlParserNEWLINE)
}

func (s *CompilationUnitContext) NEWLINE(i int) antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, i)
}

func (s *CompilationUnitContext) INDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserINDENT, 0)
}

func (s *CompilationUnitContext) DEDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserDEDENT, 0)
}

func (s *CompilationUnitContext) AllModel() []IModelContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IModelContext); ok {
			len++
		}
	}

	tst := make([]IModelContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IModelContext); ok {
			tst[i] = t.(IModelContext)
			i++
		}
	}

	return tst
}

func (s *CompilationUnitContext) Model(i int) IModelContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IModelContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IModelContext)
}

func (s *CompilationUnitContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *CompilationUnitContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) CompilationUnit() (localctx ICompilationUnitContext) {
	localctx = NewCompilationUnitContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 0, NestmlParserRULE_compilationUnit)
	var _la int

	var _alt int

	p.EnterOuterAlt(localctx, 1)
	p.SetState(89)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_alt = p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 0, p.GetParserRuleContext())
	if p.HasError() {
		goto errorExit
	}
	for _alt != 2 && _alt != antlr.ATNInvalidAltNumber {
		if _alt == 1 {
			{
				p.SetState(86)
				p.Match(NestmlParserNEWLINE)
				if p.HasError() {
					// Recognition error - abort rule
					goto errorExit
				}
			}

		}
		p.SetState(91)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_alt = p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 0, p.GetParserRuleContext())
		if p.HasError() {
			goto errorExit
		}
	}
	p.SetState(101)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if _la == NestmlParserINDENT {
		{
			p.SetState(92)
			p.Match(NestmlParserINDENT)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		p.SetState(97)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)

		for _la == NestmlParserNEWLINE || _la == NestmlParserMODEL_KEYWORD {
			p.SetState(95)
			p.GetErrorHandler().Sync(p)
			if p.HasError() {
				goto errorExit
			}

			switch p.GetTokenStream().LA(1) {
			case NestmlParserMODEL_KEYWORD:
				{
					p.SetState(93)
					p.Model()
				}

			case NestmlParserNEWLINE:
				{
					p.SetState(94)
					p.Match(NestmlParserNEWLINE)
					if p.HasError() {
						// Recognition error - abort rule
						goto errorExit
					}
				}

			default:
				p.SetError(antlr.NewNoViableAltException(p, nil, nil, nil, nil, nil))
				goto errorExit
			}

			p.SetState(99)
			p.GetErrorHandler().Sync(p)
			if p.HasError() {
				goto errorExit
			}
			_la = p.GetTokenStream().LA(1)
		}
		{
			p.SetState(100)
			p.Match(NestmlParserDEDENT)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	}
	p.SetState(107)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	for _la == NestmlParserNEWLINE || _la == NestmlParserMODEL_KEYWORD {
		p.SetState(105)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}

		switch p.GetTokenStream().LA(1) {
		case NestmlParserMODEL_KEYWORD:
			{
				p.SetState(103)
				p.Model()
			}

		case NestmlParserNEWLINE:
			{
				p.SetState(104)
				p.Match(NestmlParserNEWLINE)
				if p.HasError() {
					// Recognition error - abort rule
					goto errorExit
				}
			}

		default:
			p.SetError(antlr.NewNoViableAltException(p, nil, nil, nil, nil, nil))
			goto errorExit
		}

		p.SetState(109)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)
	}
	{
		p.SetState(110)
		p.Match(NestmlParserEOF)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IStandaloneExpressionContext is an interface to support dynamic dispatch.
type IStandaloneExpressionContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	Expression() IExpressionContext
	EOF() antlr.TerminalNode
	AllNEWLINE() []antlr.TerminalNode
	NEWLINE(i int) antlr.TerminalNode

	// IsStandaloneExpressionContext differentiates from other interfaces.
	IsStandaloneExpressionContext()
}

type StandaloneExpressionContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyStandaloneExpressionContext() *StandaloneExpressionContext {
	var p = new(StandaloneExpressionContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_standaloneExpression
	return p
}

func InitEmptyStandaloneExpressionContext(p *StandaloneExpressionContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_standaloneExpression
}

func (*StandaloneExpressionContext) IsStandaloneExpressionContext() {}

func NewStandaloneExpressionContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *StandaloneExpressionContext {
	var p = new(StandaloneExpressionContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_standaloneExpression

	return p
}

func (s *StandaloneExpressionContext) GetParser() antlr.Parser { return s.parser }

func (s *StandaloneExpressionContext) Expression() IExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *StandaloneExpressionContext) EOF() antlr.TerminalNode {
	return s.GetToken(NestmlParserEOF, 0)
}

func (s *StandaloneExpressionContext) AllNEWLINE() []antlr.TerminalNode {
	return s.GetTokens(NestmlParserNEWLINE)
}

func (s *StandaloneExpressionContext) NEWLINE(i int) antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, i)
}

func (s *StandaloneExpressionContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *StandaloneExpressionContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) StandaloneExpression() (localctx IStandaloneExpressionContext) {
	localctx = NewStandaloneExpressionContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 2, NestmlParserRULE_standaloneExpression)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(112)
		p.expression(0)
	}
	p.SetState(116)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	for _la == NestmlParserNEWLINE {
		{
			p.SetState(113)
			p.Match(NestmlParserNEWLINE)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

		p.SetState(118)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)
	}
	{
		p.SetState(119)
		p.Match(NestmlParserEOF)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IModelContext is an interface to support dynamic dispatch.
type IModelContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	MODEL_KEYWORD() antlr.TerminalNode
	NAME() antlr.TerminalNode
	COLON() antlr.TerminalNode
	NEWLINE() antlr.TerminalNode
	INDENT() antlr.TerminalNode
	DEDENT() antlr.TerminalNode
	AllModelBodyElement() []IModelBodyElementContext
	ModelBodyElement(i int) IModelBodyElementContext

	// IsModelContext differentiates from other interfaces.
	IsModelContext()
}

type ModelContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyModelContext() *ModelContext {
	var p = new(ModelContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_model
	return p
}

func InitEmptyModelContext(p *ModelContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_model
}

func (*ModelContext) IsModelContext() {}

func NewModelContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *ModelContext {
	var p = new(ModelContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_model

	return p
}

func (s *ModelContext) GetParser() antlr.Parser { return s.parser }

func (s *ModelContext) MODEL_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserMODEL_KEYWORD, 0)
}

func (s *ModelContext) NAME() antlr.TerminalNode {
	return s.GetToken(NestmlParserNAME, 0)
}

func (s *ModelContext) COLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserCOLON, 0)
}

func (s *ModelContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *ModelContext) INDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserINDENT, 0)
}

func (s *ModelContext) DEDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserDEDENT, 0)
}

func (s *ModelContext) AllModelBodyElement() []IModelBodyElementContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IModelBodyElementContext); ok {
			len++
		}
	}

	tst := make([]IModelBodyElementContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IModelBodyElementContext); ok {
			tst[i] = t.(IModelBodyElementContext)
			i++
		}
	}

	return tst
}

func (s *ModelContext) ModelBodyElement(i int) IModelBodyElementContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IModelBodyElementContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IModelBodyElementContext)
}

func (s *ModelContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *ModelContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) Model() (localctx IModelContext) {
	localctx = NewModelContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 4, NestmlParserRULE_model)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(121)
		p.Match(NestmlParserMODEL_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(122)
		p.Match(NestmlParserNAME)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(123)
		p.Match(NestmlParserCOLON)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(124)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(125)
		p.Match(NestmlParserINDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	p.SetState(127)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	for ok := true; ok; ok = ((int64(_la) & ^0x3f) == 0 && ((int64(1)<<_la)&960998940672) != 0) {
		{
			p.SetState(126)
			p.ModelBodyElement()
		}

		p.SetState(129)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)
	}
	{
		p.SetState(131)
		p.Match(NestmlParserDEDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IModelBodyElementContext is an interface to support dynamic dispatch.
type IModelBodyElementContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	VariableBlock() IVariableBlockContext
	EquationsBlock() IEquationsBlockContext
	InputBlock() IInputBlockContext
	OutputBlock() IOutputBlockContext
	FunctionDefinition() IFunctionDefinitionContext
	OnReceiveBlock() IOnReceiveBlockContext
	OnConditionBlock() IOnConditionBlockContext
	UpdateBlock() IUpdateBlockContext

	// IsModelBodyElementContext differentiates from other interfaces.
	IsModelBodyElementContext()
}

type ModelBodyElementContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyModelBodyElementContext() *ModelBodyElementContext {
	var p = new(ModelBodyElementContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_modelBodyElement
	return p
}

func InitEmptyModelBodyElementContext(p *ModelBodyElementContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_modelBodyElement
}

func (*ModelBodyElementContext) IsModelBodyElementContext() {}

func NewModelBodyElementContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *ModelBodyElementContext {
	var p = new(ModelBodyElementContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_modelBodyElement

	return p
}

func (s *ModelBodyElementContext) GetParser() antlr.Parser { return s.parser }

func (s *ModelBodyElementContext) VariableBlock() IVariableBlockContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IVariableBlockContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IVariableBlockContext)
}

func (s *ModelBodyElementContext) EquationsBlock() IEquationsBlockContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IEquationsBlockContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IEquationsBlockContext)
}

func (s *ModelBodyElementContext) InputBlock() IInputBlockContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IInputBlockContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IInputBlockContext)
}

func (s *ModelBodyElementContext) OutputBlock() IOutputBlockContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IOutputBlockContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IOutputBlockContext)
}

func (s *ModelBodyElementContext) FunctionDefinition() IFunctionDefinitionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IFunctionDefinitionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IFunctionDefinitionContext)
}

func (s *ModelBodyElementContext) OnReceiveBlock() IOnReceiveBlockContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IOnReceiveBlockContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IOnReceiveBlockContext)
}

func (s *ModelBodyElementContext) OnConditionBlock() IOnConditionBlockContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IOnConditionBlockContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IOnConditionBlockContext)
}

func (s *ModelBodyElementContext) UpdateBlock() IUpdateBlockContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IUpdateBlockContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IUpdateBlockContext)
}

func (s *ModelBodyElementContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *ModelBodyElementContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) ModelBodyElement() (localctx IModelBodyElementContext) {
	localctx = NewModelBodyElementContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 6, NestmlParserRULE_modelBodyElement)
	p.SetState(141)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}

	switch p.GetTokenStream().LA(1) {
	case NestmlParserSTATE_KEYWORD, NestmlParserPARAMETERS_KEYWORD, NestmlParserINTERNALS_KEYWORD:
		p.EnterOuterAlt(localctx, 1)
		{
			p.SetState(133)
			p.VariableBlock()
		}

	case NestmlParserEQUATIONS_KEYWORD:
		p.EnterOuterAlt(localctx, 2)
		{
			p.SetState(134)
			p.EquationsBlock()
		}

	case NestmlParserINPUT_KEYWORD:
		p.EnterOuterAlt(localctx, 3)
		{
			p.SetState(135)
			p.InputBlock()
		}

	case NestmlParserOUTPUT_KEYWORD:
		p.EnterOuterAlt(localctx, 4)
		{
			p.SetState(136)
			p.OutputBlock()
		}

	case NestmlParserFUNCTION_KEYWORD:
		p.EnterOuterAlt(localctx, 5)
		{
			p.SetState(137)
			p.FunctionDefinition()
		}

	case NestmlParserON_RECEIVE_KEYWORD:
		p.EnterOuterAlt(localctx, 6)
		{
			p.SetState(138)
			p.OnReceiveBlock()
		}

	case NestmlParserON_CONDITION_KEYWORD:
		p.EnterOuterAlt(localctx, 7)
		{
			p.SetState(139)
			p.OnConditionBlock()
		}

	case NestmlParserUPDATE_KEYWORD:
		p.EnterOuterAlt(localctx, 8)
		{
			p.SetState(140)
			p.UpdateBlock()
		}

	default:
		p.SetError(antlr.NewNoViableAltException(p, nil, nil, nil, nil, nil))
		goto errorExit
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IVariableBlockContext is an interface to support dynamic dispatch.
type IVariableBlockContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// GetBlockKind returns the blockKind token.
	GetBlockKind() antlr.Token

	// SetBlockKind sets the blockKind token.
	SetBlockKind(antlr.Token)

	// Getter signatures
	COLON() antlr.TerminalNode
	AllNEWLINE() []antlr.TerminalNode
	NEWLINE(i int) antlr.TerminalNode
	INDENT() antlr.TerminalNode
	DEDENT() antlr.TerminalNode
	STATE_KEYWORD() antlr.TerminalNode
	PARAMETERS_KEYWORD() antlr.TerminalNode
	INTERNALS_KEYWORD() antlr.TerminalNode
	AllDeclaration() []IDeclarationContext
	Declaration(i int) IDeclarationContext

	// IsVariableBlockContext differentiates from other interfaces.
	IsVariableBlockContext()
}

type VariableBlockContext struct {
	antlr.BaseParserRuleContext
	parser    antlr.Parser
	blockKind antlr.Token
}

func NewEmptyVariableBlockContext() *VariableBlockContext {
	var p = new(VariableBlockContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_variableBlock
	return p
}

func InitEmptyVariableBlockContext(p *VariableBlockContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_variableBlock
}

func (*VariableBlockContext) IsVariableBlockContext() {}

func NewVariableBlockContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *VariableBlockContext {
	var p = new(VariableBlockContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_variableBlock

	return p
}

func (s *VariableBlockContext) GetParser() antlr.Parser { return s.parser }

func (s *VariableBlockContext) GetBlockKind() antlr.Token { return s.blockKind }

func (s *VariableBlockContext) SetBlockKind(v antlr.Token) { s.blockKind = v }

func (s *VariableBlockContext) COLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserCOLON, 0)
}

func (s *VariableBlockContext) AllNEWLINE() []antlr.TerminalNode {
	return s.GetTokens(NestmlParserNEWLINE)
}

func (s *VariableBlockContext) NEWLINE(i int) antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, i)
}

func (s *VariableBlockContext) INDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserINDENT, 0)
}

func (s *VariableBlockContext) DEDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserDEDENT, 0)
}

func (s *VariableBlockContext) STATE_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserSTATE_KEYWORD, 0)
}

func (s *VariableBlockContext) PARAMETERS_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserPARAMETERS_KEYWORD, 0)
}

func (s *VariableBlockContext) INTERNALS_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserINTERNALS_KEYWORD, 0)
}

func (s *VariableBlockContext) AllDeclaration() []IDeclarationContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IDeclarationContext); ok {
			len++
		}
	}

	tst := make([]IDeclarationContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IDeclarationContext); ok {
			tst[i] = t.(IDeclarationContext)
			i++
		}
	}

	return tst
}

func (s *VariableBlockContext) Declaration(i int) IDeclarationContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IDeclarationContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IDeclarationContext)
}

func (s *VariableBlockContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *VariableBlockContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) VariableBlock() (localctx IVariableBlockContext) {
	localctx = NewVariableBlockContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 8, NestmlParserRULE_variableBlock)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(143)

		var _lt = p.GetTokenStream().LT(1)

		localctx.(*VariableBlockContext).blockKind = _lt

		_la = p.GetTokenStream().LA(1)

		if !((int64(_la) & ^0x3f) == 0 && ((int64(1)<<_la)&7516192768) != 0) {
			var _ri = p.GetErrorHandler().RecoverInline(p)

			localctx.(*VariableBlockContext).blockKind = _ri
		} else {
			p.GetErrorHandler().ReportMatch(p)
			p.Consume()
		}
	}
	{
		p.SetState(144)
		p.Match(NestmlParserCOLON)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(145)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(146)
		p.Match(NestmlParserINDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	p.SetState(150)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	for ok := true; ok; ok = _la == NestmlParserINLINE_KEYWORD || _la == NestmlParserRECORDABLE_KEYWORD || _la == NestmlParserNAME {
		{
			p.SetState(147)
			p.Declaration()
		}
		{
			p.SetState(148)
			p.Match(NestmlParserNEWLINE)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

		p.SetState(152)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)
	}
	{
		p.SetState(154)
		p.Match(NestmlParserDEDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IDeclarationContext is an interface to support dynamic dispatch.
type IDeclarationContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// GetInit returns the init rule contexts.
	GetInit() IExpressionContext

	// GetGuard returns the guard rule contexts.
	GetGuard() IExpressionContext

	// SetInit sets the init rule contexts.
	SetInit(IExpressionContext)

	// SetGuard sets the guard rule contexts.
	SetGuard(IExpressionContext)

	// Getter signatures
	AllVariable() []IVariableContext
	Variable(i int) IVariableContext
	DataType() IDataTypeContext
	RECORDABLE_KEYWORD() antlr.TerminalNode
	INLINE_KEYWORD() antlr.TerminalNode
	AllCOMMA() []antlr.TerminalNode
	COMMA(i int) antlr.TerminalNode
	EQUALS() antlr.TerminalNode
	LEFT_LEFT_SQUARE() antlr.TerminalNode
	RIGHT_RIGHT_SQUARE() antlr.TerminalNode
	AllDecorator() []IDecoratorContext
	Decorator(i int) IDecoratorContext
	AllExpression() []IExpressionContext
	Expression(i int) IExpressionContext

	// IsDeclarationContext differentiates from other interfaces.
	IsDeclarationContext()
}

type DeclarationContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
	init   IExpressionContext
	guard  IExpressionContext
}

func NewEmptyDeclarationContext() *DeclarationContext {
	var p = new(DeclarationContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_declaration
	return p
}

func InitEmptyDeclarationContext(p *DeclarationContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_declaration
}

func (*DeclarationContext) IsDeclarationContext() {}

func NewDeclarationContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *DeclarationContext {
	var p = new(DeclarationContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_declaration

	return p
}

func (s *DeclarationContext) GetParser() antlr.Parser { return s.parser }

func (s *DeclarationContext) GetInit() IExpressionContext { return s.init }

func (s *DeclarationContext) GetGuard() IExpressionContext { return s.guard }

func (s *DeclarationContext) SetInit(v IExpressionContext) { s.init = v }

func (s *DeclarationContext) SetGuard(v IExpressionContext) { s.guard = v }

func (s *DeclarationContext) AllVariable() []IVariableContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IVariableContext); ok {
			len++
		}
	}

	tst := make([]IVariableContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IVariableContext); ok {
			tst[i] = t.(IVariableContext)
			i++
		}
	}

	return tst
}

func (s *DeclarationContext) Variable(i int) IVariableContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IVariableContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IVariableContext)
}

func (s *DeclarationContext) DataType() IDataTypeContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IDataTypeContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IDataTypeContext)
}

func (s *DeclarationContext) RECORDABLE_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserRECORDABLE_KEYWORD, 0)
}

func (s *DeclarationContext) INLINE_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserINLINE_KEYWORD, 0)
}

func (s *DeclarationContext) AllCOMMA() []antlr.TerminalNode {
	return s.GetTokens(NestmlParserCOMMA)
}

func (s *DeclarationContext) COMMA(i int) antlr.TerminalNode {
	return s.GetToken(NestmlParserCOMMA, i)
}

func (s *DeclarationContext) EQUALS() antlr.TerminalNode {
	return s.GetToken(NestmlParserEQUALS, 0)
}

func (s *DeclarationContext) LEFT_LEFT_SQUARE() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_LEFT_SQUARE, 0)
}

func (s *DeclarationContext) RIGHT_RIGHT_SQUARE() antlr.TerminalNode {
	return s.GetToken(NestmlParserRIGHT_RIGHT_SQUARE, 0)
}

func (s *DeclarationContext) AllDecorator() []IDecoratorContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IDecoratorContext); ok {
			len++
		}
	}

	tst := make([]IDecoratorContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IDecoratorContext); ok {
			tst[i] = t.(IDecoratorContext)
			i++
		}
	}

	return tst
}

func (s *DeclarationContext) Decorator(i int) IDecoratorContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IDecoratorContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IDecoratorContext)
}

func (s *DeclarationContext) AllExpression() []IExpressionContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IExpressionContext); ok {
			len++
		}
	}

	tst := make([]IExpressionContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IExpressionContext); ok {
			tst[i] = t.(IExpressionContext)
			i++
		}
	}

	return tst
}

func (s *DeclarationContext) Expression(i int) IExpressionContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *DeclarationContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *DeclarationContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) Declaration() (localctx IDeclarationContext) {
	localctx = NewDeclarationContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 10, NestmlParserRULE_declaration)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	p.SetState(157)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if _la == NestmlParserRECORDABLE_KEYWORD {
		{
			p.SetState(156)
			p.Match(NestmlParserRECORDABLE_KEYWORD)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	}
	p.SetState(160)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if _la == NestmlParserINLINE_KEYWORD {
		{
			p.SetState(159)
			p.Match(NestmlParserINLINE_KEYWORD)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	}
	{
		p.SetState(162)
		p.Variable()
	}
	p.SetState(167)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	for _la == NestmlParserCOMMA {
		{
			p.SetState(163)
			p.Match(NestmlParserCOMMA)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(164)
			p.Variable()
		}

		p.SetState(169)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)
	}
	{
		p.SetState(170)
		p.DataType()
	}
	p.SetState(173)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if _la == NestmlParserEQUALS {
		{
			p.SetState(171)
			p.Match(NestmlParserEQUALS)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(172)

			var _x = p.expression(0)

			localctx.(*DeclarationContext).init = _x
		}

	}
	p.SetState(179)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if _la == NestmlParserLEFT_LEFT_SQUARE {
		{
			p.SetState(175)
			p.Match(NestmlParserLEFT_LEFT_SQUARE)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(176)

			var _x = p.expression(0)

			localctx.(*DeclarationContext).guard = _x
		}
		{
			p.SetState(177)
			p.Match(NestmlParserRIGHT_RIGHT_SQUARE)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	}
	p.SetState(184)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	for (int64(_la) & ^0x3f) == 0 && ((int64(1)<<_la)&61572651155456) != 0 {
		{
			p.SetState(181)
			p.Decorator()
		}

		p.SetState(186)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IVariableContext is an interface to support dynamic dispatch.
type IVariableContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// GetIndex returns the index rule contexts.
	GetIndex() IExpressionContext

	// SetIndex sets the index rule contexts.
	SetIndex(IExpressionContext)

	// Getter signatures
	NAME() antlr.TerminalNode
	LEFT_SQUARE_BRACKET() antlr.TerminalNode
	RIGHT_SQUARE_BRACKET() antlr.TerminalNode
	AllDIFFERENTIAL_ORDER() []antlr.TerminalNode
	DIFFERENTIAL_ORDER(i int) antlr.TerminalNode
	Expression() IExpressionContext

	// IsVariableContext differentiates from other interfaces.
	IsVariableContext()
}

type VariableContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
	index  IExpressionContext
}

func NewEmptyVariableContext() *VariableContext {
	var p = new(VariableContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_variable
	return p
}

func InitEmptyVariableContext(p *VariableContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_variable
}

func (*VariableContext) IsVariableContext() {}

func NewVariableContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *VariableContext {
	var p = new(VariableContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_variable

	return p
}

func (s *VariableContext) GetParser() antlr.Parser { return s.parser }

func (s *VariableContext) GetIndex() IExpressionContext { return s.index }

func (s *VariableContext) SetIndex(v IExpressionContext) { s.index = v }

func (s *VariableContext) NAME() antlr.TerminalNode {
	return s.GetToken(NestmlParserNAME, 0)
}

func (s *VariableContext) LEFT_SQUARE_BRACKET() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_SQUARE_BRACKET, 0)
}

func (s *VariableContext) RIGHT_SQUARE_BRACKET() antlr.TerminalNode {
	return s.GetToken(NestmlParserRIGHT_SQUARE_BRACKET, 0)
}

func (s *VariableContext) AllDIFFERENTIAL_ORDER() []antlr.TerminalNode {
	return s.GetTokens(NestmlParserDIFFERENTIAL_ORDER)
}

func (s *VariableContext) DIFFERENTIAL_ORDER(i int) antlr.TerminalNode {
	return s.GetToken(NestmlParserDIFFERENTIAL_ORDER, i)
}

func (s *VariableContext) Expression() IExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *VariableContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *VariableContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) Variable() (localctx IVariableContext) {
	localctx = NewVariableContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 12, NestmlParserRULE_variable)
	var _alt int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(187)
		p.Match(NestmlParserNAME)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	p.SetState(192)
	p.GetErrorHandler().Sync(p)

	if p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 16, p.GetParserRuleContext()) == 1 {
		{
			p.SetState(188)
			p.Match(NestmlParserLEFT_SQUARE_BRACKET)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(189)

			var _x = p.expression(0)

			localctx.(*VariableContext).index = _x
		}
		{
			p.SetState(190)
			p.Match(NestmlParserRIGHT_SQUARE_BRACKET)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	} else if p.HasError() { // JIM
		goto errorExit
	}
	p.SetState(197)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_alt = p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 17, p.GetParserRuleContext())
	if p.HasError() {
		goto errorExit
	}
	for _alt != 2 && _alt != antlr.ATNInvalidAltNumber {
		if _alt == 1 {
			{
				p.SetState(194)
				p.Match(NestmlParserDIFFERENTIAL_ORDER)
				if p.HasError() {
					// Recognition error - abort rule
					goto errorExit
				}
			}

		}
		p.SetState(199)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_alt = p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 17, p.GetParserRuleContext())
		if p.HasError() {
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IDecoratorContext is an interface to support dynamic dispatch.
type IDecoratorContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// GetNamespace returns the namespace token.
	GetNamespace() antlr.Token

	// GetName returns the name token.
	GetName() antlr.Token

	// SetNamespace sets the namespace token.
	SetNamespace(antlr.Token)

	// SetName sets the name token.
	SetName(antlr.Token)

	// Getter signatures
	DECORATOR_HOMOGENEOUS() antlr.TerminalNode
	DECORATOR_HETEROGENEOUS() antlr.TerminalNode
	AT() antlr.TerminalNode
	DOUBLE_COLON() antlr.TerminalNode
	AllNAME() []antlr.TerminalNode
	NAME(i int) antlr.TerminalNode

	// IsDecoratorContext differentiates from other interfaces.
	IsDecoratorContext()
}

type DecoratorContext struct {
	antlr.BaseParserRuleContext
	parser    antlr.Parser
	namespace antlr.Token
	name      antlr.Token
}

func NewEmptyDecoratorContext() *DecoratorContext {
	var p = new(DecoratorContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_decorator
	return p
}

func InitEmptyDecoratorContext(p *DecoratorContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_decorator
}

func (*DecoratorContext) IsDecoratorContext() {}

func NewDecoratorContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *DecoratorContext {
	var p = new(DecoratorContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_decorator

	return p
}

func (s *DecoratorContext) GetParser() antlr.Parser { return s.parser }

func (s *DecoratorContext) GetNamespace() antlr.Token { return s.namespace }

func (s *DecoratorContext) GetName() antlr.Token { return s.name }

func (s *DecoratorContext) SetNamespace(v antlr.Token) { s.namespace = v }

func (s *DecoratorContext) SetName(v antlr.Token) { s.name = v }

func (s *DecoratorContext) DECORATOR_HOMOGENEOUS() antlr.TerminalNode {
	return s.GetToken(NestmlParserDECORATOR_HOMOGENEOUS, 0)
}

func (s *DecoratorContext) DECORATOR_HETEROGENEOUS() antlr.TerminalNode {
	return s.GetToken(NestmlParserDECORATOR_HETEROGENEOUS, 0)
}

func (s *DecoratorContext) AT() antlr.TerminalNode {
	return s.GetToken(NestmlParserAT, 0)
}

func (s *DecoratorContext) DOUBLE_COLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserDOUBLE_COLON, 0)
}

func (s *DecoratorContext) AllNAME() []antlr.TerminalNode {
	return s.GetTokens(NestmlParserNAME)
}

func (s *DecoratorContext) NAME(i int) antlr.TerminalNode {
	return s.GetToken(NestmlParserNAME, i)
}

func (s *DecoratorContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *DecoratorContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) Decorator() (localctx IDecoratorContext) {
	localctx = NewDecoratorContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 14, NestmlParserRULE_decorator)
	p.SetState(206)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}

	switch p.GetTokenStream().LA(1) {
	case NestmlParserDECORATOR_HOMOGENEOUS:
		p.EnterOuterAlt(localctx, 1)
		{
			p.SetState(200)
			p.Match(NestmlParserDECORATOR_HOMOGENEOUS)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	case NestmlParserDECORATOR_HETEROGENEOUS:
		p.EnterOuterAlt(localctx, 2)
		{
			p.SetState(201)
			p.Match(NestmlParserDECORATOR_HETEROGENEOUS)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	case NestmlParserAT:
		p.EnterOuterAlt(localctx, 3)
		{
			p.SetState(202)
			p.Match(NestmlParserAT)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(203)

			var _m = p.Match(NestmlParserNAME)

			localctx.(*DecoratorContext).namespace = _m
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(204)
			p.Match(NestmlParserDOUBLE_COLON)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(205)

			var _m = p.Match(NestmlParserNAME)

			localctx.(*DecoratorContext).name = _m
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	default:
		p.SetError(antlr.NewNoViableAltException(p, nil, nil, nil, nil, nil))
		goto errorExit
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IDataTypeContext is an interface to support dynamic dispatch.
type IDataTypeContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	INTEGER_KEYWORD() antlr.TerminalNode
	REAL_KEYWORD() antlr.TerminalNode
	STRING_KEYWORD() antlr.TerminalNode
	BOOLEAN_KEYWORD() antlr.TerminalNode
	VOID_KEYWORD() antlr.TerminalNode
	UnitType() IUnitTypeContext

	// IsDataTypeContext differentiates from other interfaces.
	IsDataTypeContext()
}

type DataTypeContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyDataTypeContext() *DataTypeContext {
	var p = new(DataTypeContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_dataType
	return p
}

func InitEmptyDataTypeContext(p *DataTypeContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_dataType
}

func (*DataTypeContext) IsDataTypeContext() {}

func NewDataTypeContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *DataTypeContext {
	var p = new(DataTypeContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_dataType

	return p
}

func (s *DataTypeContext) GetParser() antlr.Parser { return s.parser }

func (s *DataTypeContext) INTEGER_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserINTEGER_KEYWORD, 0)
}

func (s *DataTypeContext) REAL_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserREAL_KEYWORD, 0)
}

func (s *DataTypeContext) STRING_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserSTRING_KEYWORD, 0)
}

func (s *DataTypeContext) BOOLEAN_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserBOOLEAN_KEYWORD, 0)
}

func (s *DataTypeContext) VOID_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserVOID_KEYWORD, 0)
}

func (s *DataTypeContext) UnitType() IUnitTypeContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IUnitTypeContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IUnitTypeContext)
}

func (s *DataTypeContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *DataTypeContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) DataType() (localctx IDataTypeContext) {
	localctx = NewDataTypeContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 16, NestmlParserRULE_dataType)
	p.SetState(214)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}

	switch p.GetTokenStream().LA(1) {
	case NestmlParserINTEGER_KEYWORD:
		p.EnterOuterAlt(localctx, 1)
		{
			p.SetState(208)
			p.Match(NestmlParserINTEGER_KEYWORD)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	case NestmlParserREAL_KEYWORD:
		p.EnterOuterAlt(localctx, 2)
		{
			p.SetState(209)
			p.Match(NestmlParserREAL_KEYWORD)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	case NestmlParserSTRING_KEYWORD:
		p.EnterOuterAlt(localctx, 3)
		{
			p.SetState(210)
			p.Match(NestmlParserSTRING_KEYWORD)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	case NestmlParserBOOLEAN_KEYWORD:
		p.EnterOuterAlt(localctx, 4)
		{
			p.SetState(211)
			p.Match(NestmlParserBOOLEAN_KEYWORD)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	case NestmlParserVOID_KEYWORD:
		p.EnterOuterAlt(localctx, 5)
		{
			p.SetState(212)
			p.Match(NestmlParserVOID_KEYWORD)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	case NestmlParserLEFT_PAREN, NestmlParserNAME, NestmlParserUNSIGNED_INTEGER:
		p.EnterOuterAlt(localctx, 6)
		{
			p.SetState(213)
			p.unitType(0)
		}

	default:
		p.SetError(antlr.NewNoViableAltException(p, nil, nil, nil, nil, nil))
		goto errorExit
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IUnitTypeContext is an interface to support dynamic dispatch.
type IUnitTypeContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser
	// IsUnitTypeContext differentiates from other interfaces.
	IsUnitTypeContext()
}

type UnitTypeContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyUnitTypeContext() *UnitTypeContext {
	var p = new(UnitTypeContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_unitType
	return p
}

func InitEmptyUnitTypeContext(p *UnitTypeContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_unitType
}

func (*UnitTypeContext) IsUnitTypeContext() {}

func NewUnitTypeContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *UnitTypeContext {
	var p = new(UnitTypeContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_unitType

	return p
}

func (s *UnitTypeContext) GetParser() antlr.Parser { return s.parser }

func (s *UnitTypeContext) CopyAll(ctx *UnitTypeContext) {
	s.CopyFrom(&ctx.BaseParserRuleContext)
}

func (s *UnitTypeContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *UnitTypeContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

type UnitNameContext struct {
	UnitTypeContext
}

func NewUnitNameContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *UnitNameContext {
	var p = new(UnitNameContext)

	InitEmptyUnitTypeContext(&p.UnitTypeContext)
	p.parser = parser
	p.CopyAll(ctx.(*UnitTypeContext))

	return p
}

func (s *UnitNameContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *UnitNameContext) NAME() antlr.TerminalNode {
	return s.GetToken(NestmlParserNAME, 0)
}

type UnitInvContext struct {
	UnitTypeContext
	numerator antlr.Token
	right     IUnitTypeContext
}

func NewUnitInvContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *UnitInvContext {
	var p = new(UnitInvContext)

	InitEmptyUnitTypeContext(&p.UnitTypeContext)
	p.parser = parser
	p.CopyAll(ctx.(*UnitTypeContext))

	return p
}

func (s *UnitInvContext) GetNumerator() antlr.Token { return s.numerator }

func (s *UnitInvContext) SetNumerator(v antlr.Token) { s.numerator = v }

func (s *UnitInvContext) GetRight() IUnitTypeContext { return s.right }

func (s *UnitInvContext) SetRight(v IUnitTypeContext) { s.right = v }

func (s *UnitInvContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *UnitInvContext) FORWARD_SLASH() antlr.TerminalNode {
	return s.GetToken(NestmlParserFORWARD_SLASH, 0)
}

func (s *UnitInvContext) UNSIGNED_INTEGER() antlr.TerminalNode {
	return s.GetToken(NestmlParserUNSIGNED_INTEGER, 0)
}

func (s *UnitInvContext) UnitType() IUnitTypeContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IUnitTypeContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IUnitTypeContext)
}

type UnitParenContext struct {
	UnitTypeContext
	inner IUnitTypeContext
}

func NewUnitParenContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *UnitParenContext {
	var p = new(UnitParenContext)

	InitEmptyUnitTypeContext(&p.UnitTypeContext)
	p.parser = parser
	p.CopyAll(ctx.(*UnitTypeContext))

	return p
}

func (s *UnitParenContext) GetInner() IUnitTypeContext { return s.inner }

func (s *UnitParenContext) SetInner(v IUnitTypeContext) { s.inner = v }

func (s *UnitParenContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *UnitParenContext) LEFT_PAREN() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_PAREN, 0)
}

func (s *UnitParenContext) RIGHT_PAREN() antlr.TerminalNode {
	return s.GetToken(NestmlParserRIGHT_PAREN, 0)
}

func (s *UnitParenContext) UnitType() IUnitTypeContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IUnitTypeContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IUnitTypeContext)
}

type UnitMulDivContext struct {
	UnitTypeContext
	left  IUnitTypeContext
	op    antlr.Token
	right IUnitTypeContext
}

func NewUnitMulDivContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *UnitMulDivContext {
	var p = new(UnitMulDivContext)

	InitEmptyUnitTypeContext(&p.UnitTypeContext)
	p.parser = parser
	p.CopyAll(ctx.(*UnitTypeContext))

	return p
}

func (s *UnitMulDivContext) GetOp() antlr.Token { return s.op }

func (s *UnitMulDivContext) SetOp(v antlr.Token) { s.op = v }

func (s *UnitMulDivContext) GetLeft() IUnitTypeContext { return s.left }

func (s *UnitMulDivContext) GetRight() IUnitTypeContext { return s.right }

func (s *UnitMulDivContext) SetLeft(v IUnitTypeContext) { s.left = v }

func (s *UnitMulDivContext) SetRight(v IUnitTypeContext) { s.right = v }

func (s *UnitMulDivContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *UnitMulDivContext) AllUnitType() []IUnitTypeContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IUnitTypeContext); ok {
			len++
		}
	}

	tst := make([]IUnitTypeContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IUnitTypeContext); ok {
			tst[i] = t.(IUnitTypeContext)
			i++
		}
	}

	return tst
}

func (s *UnitMulDivContext) UnitType(i int) IUnitTypeContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IUnitTypeContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IUnitTypeContext)
}

func (s *UnitMulDivContext) STAR() antlr.TerminalNode {
	return s.GetToken(NestmlParserSTAR, 0)
}

func (s *UnitMulDivContext) FORWARD_SLASH() antlr.TerminalNode {
	return s.GetToken(NestmlParserFORWARD_SLASH, 0)
}

type UnitPowContext struct {
	UnitTypeContext
	base IUnitTypeContext
}

func NewUnitPowContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *UnitPowContext {
	var p = new(UnitPowContext)

	InitEmptyUnitTypeContext(&p.UnitTypeContext)
	p.parser = parser
	p.CopyAll(ctx.(*UnitTypeContext))

	return p
}

func (s *UnitPowContext) GetBase() IUnitTypeContext { return s.base }

func (s *UnitPowContext) SetBase(v IUnitTypeContext) { s.base = v }

func (s *UnitPowContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *UnitPowContext) STAR_STAR() antlr.TerminalNode {
	return s.GetToken(NestmlParserSTAR_STAR, 0)
}

func (s *UnitPowContext) UnitExponent() IUnitExponentContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IUnitExponentContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IUnitExponentContext)
}

func (s *UnitPowContext) UnitType() IUnitTypeContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IUnitTypeContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IUnitTypeContext)
}

func (p *NestmlParser) UnitType() (localctx IUnitTypeContext) {
	return p.unitType(0)
}

func (p *NestmlParser) unitType(_p int) (localctx IUnitTypeContext) {
	var _parentctx antlr.ParserRuleContext = p.GetParserRuleContext()

	_parentState := p.GetState()
	localctx = NewUnitTypeContext(p, p.GetParserRuleContext(), _parentState)
	var _prevctx IUnitTypeContext = localctx
	var _ antlr.ParserRuleContext = _prevctx // TODO: To prevent unused variable warning.
	_startState := 18
	p.EnterRecursionRule(localctx, 18, NestmlParserRULE_unitType, _p)
	var _la int

	var _alt int

	p.EnterOuterAlt(localctx, 1)
	p.SetState(225)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}

	switch p.GetTokenStream().LA(1) {
	case NestmlParserLEFT_PAREN:
		localctx = NewUnitParenContext(p, localctx)
		p.SetParserRuleContext(localctx)
		_prevctx = localctx

		{
			p.SetState(217)
			p.Match(NestmlParserLEFT_PAREN)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(218)

			var _x = p.unitType(0)

			localctx.(*UnitParenContext).inner = _x
		}
		{
			p.SetState(219)
			p.Match(NestmlParserRIGHT_PAREN)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	case NestmlParserUNSIGNED_INTEGER:
		localctx = NewUnitInvContext(p, localctx)
		p.SetParserRuleContext(localctx)
		_prevctx = localctx
		{
			p.SetState(221)

			var _m = p.Match(NestmlParserUNSIGNED_INTEGER)

			localctx.(*UnitInvContext).numerator = _m
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(222)
			p.Match(NestmlParserFORWARD_SLASH)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(223)

			var _x = p.unitType(2)

			localctx.(*UnitInvContext).right = _x
		}

	case NestmlParserNAME:
		localctx = NewUnitNameContext(p, localctx)
		p.SetParserRuleContext(localctx)
		_prevctx = localctx
		{
			p.SetState(224)
			p.Match(NestmlParserNAME)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	default:
		p.SetError(antlr.NewNoViableAltException(p, nil, nil, nil, nil, nil))
		goto errorExit
	}
	p.GetParserRuleContext().SetStop(p.GetTokenStream().LT(-1))
	p.SetState(235)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_alt = p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 22, p.GetParserRuleContext())
	if p.HasError() {
		goto errorExit
	}
	for _alt != 2 && _alt != antlr.ATNInvalidAltNumber {
		if _alt == 1 {
			if p.GetParseListeners() != nil {
				p.TriggerExitRuleEvent()
			}
			_prevctx = localctx
			p.SetState(233)
			p.GetErrorHandler().Sync(p)
			if p.HasError() {
				goto errorExit
			}

			switch p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 21, p.GetParserRuleContext()) {
			case 1:
				localctx = NewUnitMulDivContext(p, NewUnitTypeContext(p, _parentctx, _parentState))
				localctx.(*UnitMulDivContext).left = _prevctx

				p.PushNewRecursionContext(localctx, _startState, NestmlParserRULE_unitType)
				p.SetState(227)

				if !(p.Precpred(p.GetParserRuleContext(), 3)) {
					p.SetError(antlr.NewFailedPredicateException(p, "p.Precpred(p.GetParserRuleContext(), 3)", ""))
					goto errorExit
				}
				{
					p.SetState(228)

					var _lt = p.GetTokenStream().LT(1)

					localctx.(*UnitMulDivContext).op = _lt

					_la = p.GetTokenStream().LA(1)

					if !(_la == NestmlParserSTAR || _la == NestmlParserFORWARD_SLASH) {
						var _ri = p.GetErrorHandler().RecoverInline(p)

						localctx.(*UnitMulDivContext).op = _ri
					} else {
						p.GetErrorHandler().ReportMatch(p)
						p.Consume()
					}
				}
				{
					p.SetState(229)

					var _x = p.unitType(4)

					localctx.(*UnitMulDivContext).right = _x
				}

			case 2:
				localctx = NewUnitPowContext(p, NewUnitTypeContext(p, _parentctx, _parentState))
				localctx.(*UnitPowContext).base = _prevctx

				p.PushNewRecursionContext(localctx, _startState, NestmlParserRULE_unitType)
				p.SetState(230)

				if !(p.Precpred(p.GetParserRuleContext(), 4)) {
					p.SetError(antlr.NewFailedPredicateException(p, "p.Precpred(p.GetParserRuleContext(), 4)", ""))
					goto errorExit
				}
				{
					p.SetState(231)
					p.Match(NestmlParserSTAR_STAR)
					if p.HasError() {
						// Recognition error - abort rule
						goto errorExit
					}
				}
				{
					p.SetState(232)
					p.UnitExponent()
				}

			case antlr.ATNInvalidAltNumber:
				goto errorExit
			}

		}
		p.SetState(237)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_alt = p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 22, p.GetParserRuleContext())
		if p.HasError() {
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.UnrollRecursionContexts(_parentctx)
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IUnitExponentContext is an interface to support dynamic dispatch.
type IUnitExponentContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// GetSign returns the sign token.
	GetSign() antlr.Token

	// GetValue returns the value token.
	GetValue() antlr.Token

	// GetNum returns the num token.
	GetNum() antlr.Token

	// GetDen returns the den token.
	GetDen() antlr.Token

	// SetSign sets the sign token.
	SetSign(antlr.Token)

	// SetValue sets the value token.
	SetValue(antlr.Token)

	// SetNum sets the num token.
	SetNum(antlr.Token)

	// SetDen sets the den token.
	SetDen(antlr.Token)

	// Getter signatures
	AllUNSIGNED_INTEGER() []antlr.TerminalNode
	UNSIGNED_INTEGER(i int) antlr.TerminalNode
	FLOAT() antlr.TerminalNode
	PLUS() antlr.TerminalNode
	MINUS() antlr.TerminalNode
	LEFT_PAREN() antlr.TerminalNode
	FORWARD_SLASH() antlr.TerminalNode
	RIGHT_PAREN() antlr.TerminalNode

	// IsUnitExponentContext differentiates from other interfaces.
	IsUnitExponentContext()
}

type UnitExponentContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
	sign   antlr.Token
	value  antlr.Token
	num    antlr.Token
	den    antlr.Token
}

func NewEmptyUnitExponentContext() *UnitExponentContext {
	var p = new(UnitExponentContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_unitExponent
	return p
}

func InitEmptyUnitExponentContext(p *UnitExponentContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_unitExponent
}

func (*UnitExponentContext) IsUnitExponentContext() {}

func NewUnitExponentContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *UnitExponentContext {
	var p = new(UnitExponentContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_unitExponent

	return p
}

func (s *UnitExponentContext) GetParser() antlr.Parser { return s.parser }

func (s *UnitExponentContext) GetSign() antlr.Token { return s.sign }

func (s *UnitExponentContext) GetValue() antlr.Token { return s.value }

func (s *UnitExponentContext) GetNum() antlr.Token { return s.num }

func (s *UnitExponentContext) GetDen() antlr.Token { return s.den }

func (s *UnitExponentContext) SetSign(v antlr.Token) { s.sign = v }

func (s *UnitExponentContext) SetValue(v antlr.Token) { s.value = v }

func (s *UnitExponentContext) SetNum(v antlr.Token) { s.num = v }

func (s *UnitExponentContext) SetDen(v antlr.Token) { s.den = v }

func (s *UnitExponentContext) AllUNSIGNED_INTEGER() []antlr.TerminalNode {
	return s.GetTokens(NestmlParserUNSIGNED_INTEGER)
}

func (s *UnitExponentContext) UNSIGNED_INTEGER(i int) antlr.TerminalNode {
	return s.GetToken(NestmlParserUNSIGNED_INTEGER, i)
}

func (s *UnitExponentContext) FLOAT() antlr.TerminalNode {
	return s.GetToken(NestmlParserFLOAT, 0)
}

func (s *UnitExponentContext) PLUS() antlr.TerminalNode {
	return s.GetToken(NestmlParserPLUS, 0)
}

func (s *UnitExponentContext) MINUS() antlr.TerminalNode {
	return s.GetToken(NestmlParserMINUS, 0)
}

func (s *UnitExponentContext) LEFT_PAREN() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_PAREN, 0)
}

func (s *UnitExponentContext) FORWARD_SLASH() antlr.TerminalNode {
	return s.GetToken(NestmlParserFORWARD_SLASH, 0)
}

func (s *UnitExponentContext) RIGHT_PAREN() antlr.TerminalNode {
	return s.GetToken(NestmlParserRIGHT_PAREN, 0)
}

func (s *UnitExponentContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *UnitExponentContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) UnitExponent() (localctx IUnitExponentContext) {
	localctx = NewUnitExponentContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 20, NestmlParserRULE_unitExponent)
	var _la int

	p.SetState(250)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}

	switch p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 25, p.GetParserRuleContext()) {
	case 1:
		p.EnterOuterAlt(localctx, 1)
		p.SetState(239)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)

		if _la == NestmlParserPLUS || _la == NestmlParserMINUS {
			{
				p.SetState(238)

				var _lt = p.GetTokenStream().LT(1)

				localctx.(*UnitExponentContext).sign = _lt

				_la = p.GetTokenStream().LA(1)

				if !(_la == NestmlParserPLUS || _la == NestmlParserMINUS) {
					var _ri = p.GetErrorHandler().RecoverInline(p)

					localctx.(*UnitExponentContext).sign = _ri
				} else {
					p.GetErrorHandler().ReportMatch(p)
					p.Consume()
				}
			}

		}
		{
			p.SetState(241)

			var _lt = p.GetTokenStream().LT(1)

			localctx.(*UnitExponentContext).value = _lt

			_la = p.GetTokenStream().LA(1)

			if !(_la == NestmlParserUNSIGNED_INTEGER || _la == NestmlParserFLOAT) {
				var _ri = p.GetErrorHandler().RecoverInline(p)

				localctx.(*UnitExponentContext).value = _ri
			} else {
				p.GetErrorHandler().ReportMatch(p)
				p.Consume()
			}
		}

	case 2:
		p.EnterOuterAlt(localctx, 2)
		p.SetState(243)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)

		if _la == NestmlParserMINUS {
			{
				p.SetState(242)

				var _m = p.Match(NestmlParserMINUS)

				localctx.(*UnitExponentContext).sign = _m
				if p.HasError() {
					// Recognition error - abort rule
					goto errorExit
				}
			}

		}
		{
			p.SetState(245)
			p.Match(NestmlParserLEFT_PAREN)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(246)

			var _m = p.Match(NestmlParserUNSIGNED_INTEGER)

			localctx.(*UnitExponentContext).num = _m
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(247)
			p.Match(NestmlParserFORWARD_SLASH)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(248)

			var _m = p.Match(NestmlParserUNSIGNED_INTEGER)

			localctx.(*UnitExponentContext).den = _m
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(249)
			p.Match(NestmlParserRIGHT_PAREN)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	case antlr.ATNInvalidAltNumber:
		goto errorExit
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// ILiteralUnitContext is an interface to support dynamic dispatch.
type ILiteralUnitContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser
	// IsLiteralUnitContext differentiates from other interfaces.
	IsLiteralUnitContext()
}

type LiteralUnitContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyLiteralUnitContext() *LiteralUnitContext {
	var p = new(LiteralUnitContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_literalUnit
	return p
}

func InitEmptyLiteralUnitContext(p *LiteralUnitContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_literalUnit
}

func (*LiteralUnitContext) IsLiteralUnitContext() {}

func NewLiteralUnitContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *LiteralUnitContext {
	var p = new(LiteralUnitContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_literalUnit

	return p
}

func (s *LiteralUnitContext) GetParser() antlr.Parser { return s.parser }

func (s *LiteralUnitContext) CopyAll(ctx *LiteralUnitContext) {
	s.CopyFrom(&ctx.BaseParserRuleContext)
}

func (s *LiteralUnitContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *LiteralUnitContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

type LitUnitNameContext struct {
	LiteralUnitContext
}

func NewLitUnitNameContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *LitUnitNameContext {
	var p = new(LitUnitNameContext)

	InitEmptyLiteralUnitContext(&p.LiteralUnitContext)
	p.parser = parser
	p.CopyAll(ctx.(*LiteralUnitContext))

	return p
}

func (s *LitUnitNameContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *LitUnitNameContext) NAME() antlr.TerminalNode {
	return s.GetToken(NestmlParserNAME, 0)
}

type LitUnitPowContext struct {
	LiteralUnitContext
	base ILiteralUnitContext
}

func NewLitUnitPowContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *LitUnitPowContext {
	var p = new(LitUnitPowContext)

	InitEmptyLiteralUnitContext(&p.LiteralUnitContext)
	p.parser = parser
	p.CopyAll(ctx.(*LiteralUnitContext))

	return p
}

func (s *LitUnitPowContext) GetBase() ILiteralUnitContext { return s.base }

func (s *LitUnitPowContext) SetBase(v ILiteralUnitContext) { s.base = v }

func (s *LitUnitPowContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *LitUnitPowContext) STAR_STAR() antlr.TerminalNode {
	return s.GetToken(NestmlParserSTAR_STAR, 0)
}

func (s *LitUnitPowContext) UnitExponent() IUnitExponentContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IUnitExponentContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IUnitExponentContext)
}

func (s *LitUnitPowContext) LiteralUnit() ILiteralUnitContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(ILiteralUnitContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(ILiteralUnitContext)
}

type LitUnitParenContext struct {
	LiteralUnitContext
	inner ILiteralUnitContext
}

func NewLitUnitParenContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *LitUnitParenContext {
	var p = new(LitUnitParenContext)

	InitEmptyLiteralUnitContext(&p.LiteralUnitContext)
	p.parser = parser
	p.CopyAll(ctx.(*LiteralUnitContext))

	return p
}

func (s *LitUnitParenContext) GetInner() ILiteralUnitContext { return s.inner }

func (s *LitUnitParenContext) SetInner(v ILiteralUnitContext) { s.inner = v }

func (s *LitUnitParenContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *LitUnitParenContext) LEFT_PAREN() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_PAREN, 0)
}

func (s *LitUnitParenContext) RIGHT_PAREN() antlr.TerminalNode {
	return s.GetToken(NestmlParserRIGHT_PAREN, 0)
}

func (s *LitUnitParenContext) LiteralUnit() ILiteralUnitContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(ILiteralUnitContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(ILiteralUnitContext)
}

type LitUnitMulDivContext struct {
	LiteralUnitContext
	left  ILiteralUnitContext
	op    antlr.Token
	right ILiteralUnitContext
}

func NewLitUnitMulDivContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *LitUnitMulDivContext {
	var p = new(LitUnitMulDivContext)

	InitEmptyLiteralUnitContext(&p.LiteralUnitContext)
	p.parser = parser
	p.CopyAll(ctx.(*LiteralUnitContext))

	return p
}

func (s *LitUnitMulDivContext) GetOp() antlr.Token { return s.op }

func (s *LitUnitMulDivContext) SetOp(v antlr.Token) { s.op = v }

func (s *LitUnitMulDivContext) GetLeft() ILiteralUnitContext { return s.left }

func (s *LitUnitMulDivContext) GetRight() ILiteralUnitContext { return s.right }

func (s *LitUnitMulDivContext) SetLeft(v ILiteralUnitContext) { s.left = v }

func (s *LitUnitMulDivContext) SetRight(v ILiteralUnitContext) { s.right = v }

func (s *LitUnitMulDivContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *LitUnitMulDivContext) AllLiteralUnit() []ILiteralUnitContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(ILiteralUnitContext); ok {
			len++
		}
	}

	tst := make([]ILiteralUnitContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(ILiteralUnitContext); ok {
			tst[i] = t.(ILiteralUnitContext)
			i++
		}
	}

	return tst
}

func (s *LitUnitMulDivContext) LiteralUnit(i int) ILiteralUnitContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(ILiteralUnitContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(ILiteralUnitContext)
}

func (s *LitUnitMulDivContext) STAR() antlr.TerminalNode {
	return s.GetToken(NestmlParserSTAR, 0)
}

func (s *LitUnitMulDivContext) FORWARD_SLASH() antlr.TerminalNode {
	return s.GetToken(NestmlParserFORWARD_SLASH, 0)
}

func (p *NestmlParser) LiteralUnit() (localctx ILiteralUnitContext) {
	return p.literalUnit(0)
}

func (p *NestmlParser) literalUnit(_p int) (localctx ILiteralUnitContext) {
	var _parentctx antlr.ParserRuleContext = p.GetParserRuleContext()

	_parentState := p.GetState()
	localctx = NewLiteralUnitContext(p, p.GetParserRuleContext(), _parentState)
	var _prevctx ILiteralUnitContext = localctx
	var _ antlr.ParserRuleContext = _prevctx // TODO: To prevent unused variable warning.
	_startState := 22
	p.EnterRecursionRule(localctx, 22, NestmlParserRULE_literalUnit, _p)
	var _la int

	var _alt int

	p.EnterOuterAlt(localctx, 1)
	p.SetState(258)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}

	switch p.GetTokenStream().LA(1) {
	case NestmlParserLEFT_PAREN:
		localctx = NewLitUnitParenContext(p, localctx)
		p.SetParserRuleContext(localctx)
		_prevctx = localctx

		{
			p.SetState(253)
			p.Match(NestmlParserLEFT_PAREN)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(254)

			var _x = p.literalUnit(0)

			localctx.(*LitUnitParenContext).inner = _x
		}
		{
			p.SetState(255)
			p.Match(NestmlParserRIGHT_PAREN)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	case NestmlParserNAME:
		localctx = NewLitUnitNameContext(p, localctx)
		p.SetParserRuleContext(localctx)
		_prevctx = localctx
		{
			p.SetState(257)
			p.Match(NestmlParserNAME)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	default:
		p.SetError(antlr.NewNoViableAltException(p, nil, nil, nil, nil, nil))
		goto errorExit
	}
	p.GetParserRuleContext().SetStop(p.GetTokenStream().LT(-1))
	p.SetState(269)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_alt = p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 28, p.GetParserRuleContext())
	if p.HasError() {
		goto errorExit
	}
	for _alt != 2 && _alt != antlr.ATNInvalidAltNumber {
		if _alt == 1 {
			if p.GetParseListeners() != nil {
				p.TriggerExitRuleEvent()
			}
			_prevctx = localctx
			p.SetState(267)
			p.GetErrorHandler().Sync(p)
			if p.HasError() {
				goto errorExit
			}

			switch p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 27, p.GetParserRuleContext()) {
			case 1:
				localctx = NewLitUnitMulDivContext(p, NewLiteralUnitContext(p, _parentctx, _parentState))
				localctx.(*LitUnitMulDivContext).left = _prevctx

				p.PushNewRecursionContext(localctx, _startState, NestmlParserRULE_literalUnit)
				p.SetState(260)

				if !(p.Precpred(p.GetParserRuleContext(), 2)) {
					p.SetError(antlr.NewFailedPredicateException(p, "p.Precpred(p.GetParserRuleContext(), 2)", ""))
					goto errorExit
				}
				p.SetState(261)

				if !(p.unitFactorFollows()) {
					p.SetError(antlr.NewFailedPredicateException(p, " p.unitFactorFollows() ", ""))
					goto errorExit
				}
				{
					p.SetState(262)

					var _lt = p.GetTokenStream().LT(1)

					localctx.(*LitUnitMulDivContext).op = _lt

					_la = p.GetTokenStream().LA(1)

					if !(_la == NestmlParserSTAR || _la == NestmlParserFORWARD_SLASH) {
						var _ri = p.GetErrorHandler().RecoverInline(p)

						localctx.(*LitUnitMulDivContext).op = _ri
					} else {
						p.GetErrorHandler().ReportMatch(p)
						p.Consume()
					}
				}
				{
					p.SetState(263)

					var _x = p.literalUnit(3)

					localctx.(*LitUnitMulDivContext).right = _x
				}

			case 2:
				localctx = NewLitUnitPowContext(p, NewLiteralUnitContext(p, _parentctx, _parentState))
				localctx.(*LitUnitPowContext).base = _prevctx

				p.PushNewRecursionContext(localctx, _startState, NestmlParserRULE_literalUnit)
				p.SetState(264)

				if !(p.Precpred(p.GetParserRuleContext(), 3)) {
					p.SetError(antlr.NewFailedPredicateException(p, "p.Precpred(p.GetParserRuleContext(), 3)", ""))
					goto errorExit
				}
				{
					p.SetState(265)
					p.Match(NestmlParserSTAR_STAR)
					if p.HasError() {
						// Recognition error - abort rule
						goto errorExit
					}
				}
				{
					p.SetState(266)
					p.UnitExponent()
				}

			case antlr.ATNInvalidAltNumber:
				goto errorExit
			}

		}
		p.SetState(271)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_alt = p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 28, p.GetParserRuleContext())
		if p.HasError() {
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.UnrollRecursionContexts(_parentctx)
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IEquationsBlockContext is an interface to support dynamic dispatch.
type IEquationsBlockContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	EQUATIONS_KEYWORD() antlr.TerminalNode
	COLON() antlr.TerminalNode
	NEWLINE() antlr.TerminalNode
	INDENT() antlr.TerminalNode
	DEDENT() antlr.TerminalNode
	AllEquationElement() []IEquationElementContext
	EquationElement(i int) IEquationElementContext

	// IsEquationsBlockContext differentiates from other interfaces.
	IsEquationsBlockContext()
}

type EquationsBlockContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyEquationsBlockContext() *EquationsBlockContext {
	var p = new(EquationsBlockContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_equationsBlock
	return p
}

func InitEmptyEquationsBlockContext(p *EquationsBlockContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_equationsBlock
}

func (*EquationsBlockContext) IsEquationsBlockContext() {}

func NewEquationsBlockContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *EquationsBlockContext {
	var p = new(EquationsBlockContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_equationsBlock

	return p
}

func (s *EquationsBlockContext) GetParser() antlr.Parser { return s.parser }

func (s *EquationsBlockContext) EQUATIONS_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserEQUATIONS_KEYWORD, 0)
}

func (s *EquationsBlockContext) COLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserCOLON, 0)
}

func (s *EquationsBlockContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *EquationsBlockContext) INDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserINDENT, 0)
}

func (s *EquationsBlockContext) DEDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserDEDENT, 0)
}

func (s *EquationsBlockContext) AllEquationElement() []IEquationElementContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IEquationElementContext); ok {
			len++
		}
	}

	tst := make([]IEquationElementContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IEquationElementContext); ok {
			tst[i] = t.(IEquationElementContext)
			i++
		}
	}

	return tst
}

func (s *EquationsBlockContext) EquationElement(i int) IEquationElementContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IEquationElementContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IEquationElementContext)
}

func (s *EquationsBlockContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *EquationsBlockContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) EquationsBlock() (localctx IEquationsBlockContext) {
	localctx = NewEquationsBlockContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 24, NestmlParserRULE_equationsBlock)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(272)
		p.Match(NestmlParserEQUATIONS_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(273)
		p.Match(NestmlParserCOLON)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(274)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(275)
		p.Match(NestmlParserINDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	p.SetState(277)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	for ok := true; ok; ok = ((int64(_la) & ^0x3f) == 0 && ((int64(1)<<_la)&402669568) != 0) || _la == NestmlParserNAME {
		{
			p.SetState(276)
			p.EquationElement()
		}

		p.SetState(279)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)
	}
	{
		p.SetState(281)
		p.Match(NestmlParserDEDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IEquationElementContext is an interface to support dynamic dispatch.
type IEquationElementContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	InlineExpression() IInlineExpressionContext
	OdeEquation() IOdeEquationContext
	Kernel() IKernelContext

	// IsEquationElementContext differentiates from other interfaces.
	IsEquationElementContext()
}

type EquationElementContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyEquationElementContext() *EquationElementContext {
	var p = new(EquationElementContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_equationElement
	return p
}

func InitEmptyEquationElementContext(p *EquationElementContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_equationElement
}

func (*EquationElementContext) IsEquationElementContext() {}

func NewEquationElementContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *EquationElementContext {
	var p = new(EquationElementContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_equationElement

	return p
}

func (s *EquationElementContext) GetParser() antlr.Parser { return s.parser }

func (s *EquationElementContext) InlineExpression() IInlineExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IInlineExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IInlineExpressionContext)
}

func (s *EquationElementContext) OdeEquation() IOdeEquationContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IOdeEquationContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IOdeEquationContext)
}

func (s *EquationElementContext) Kernel() IKernelContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IKernelContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IKernelContext)
}

func (s *EquationElementContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *EquationElementContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) EquationElement() (localctx IEquationElementContext) {
	localctx = NewEquationElementContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 26, NestmlParserRULE_equationElement)
	p.SetState(286)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}

	switch p.GetTokenStream().LA(1) {
	case NestmlParserINLINE_KEYWORD, NestmlParserRECORDABLE_KEYWORD:
		p.EnterOuterAlt(localctx, 1)
		{
			p.SetState(283)
			p.InlineExpression()
		}

	case NestmlParserNAME:
		p.EnterOuterAlt(localctx, 2)
		{
			p.SetState(284)
			p.OdeEquation()
		}

	case NestmlParserKERNEL_KEYWORD:
		p.EnterOuterAlt(localctx, 3)
		{
			p.SetState(285)
			p.Kernel()
		}

	default:
		p.SetError(antlr.NewNoViableAltException(p, nil, nil, nil, nil, nil))
		goto errorExit
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IInlineExpressionContext is an interface to support dynamic dispatch.
type IInlineExpressionContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	INLINE_KEYWORD() antlr.TerminalNode
	NAME() antlr.TerminalNode
	DataType() IDataTypeContext
	EQUALS() antlr.TerminalNode
	Expression() IExpressionContext
	NEWLINE() antlr.TerminalNode
	RECORDABLE_KEYWORD() antlr.TerminalNode
	SEMICOLON() antlr.TerminalNode
	AllDecorator() []IDecoratorContext
	Decorator(i int) IDecoratorContext

	// IsInlineExpressionContext differentiates from other interfaces.
	IsInlineExpressionContext()
}

type InlineExpressionContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyInlineExpressionContext() *InlineExpressionContext {
	var p = new(InlineExpressionContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_inlineExpression
	return p
}

func InitEmptyInlineExpressionContext(p *InlineExpressionContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_inlineExpression
}

func (*InlineExpressionContext) IsInlineExpressionContext() {}

func NewInlineExpressionContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *InlineExpressionContext {
	var p = new(InlineExpressionContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_inlineExpression

	return p
}

func (s *InlineExpressionContext) GetParser() antlr.Parser { return s.parser }

func (s *InlineExpressionContext) INLINE_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserINLINE_KEYWORD, 0)
}

func (s *InlineExpressionContext) NAME() antlr.TerminalNode {
	return s.GetToken(NestmlParserNAME, 0)
}

func (s *InlineExpressionContext) DataType() IDataTypeContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IDataTypeContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IDataTypeContext)
}

func (s *InlineExpressionContext) EQUALS() antlr.TerminalNode {
	return s.GetToken(NestmlParserEQUALS, 0)
}

func (s *InlineExpressionContext) Expression() IExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *InlineExpressionContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *InlineExpressionContext) RECORDABLE_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserRECORDABLE_KEYWORD, 0)
}

func (s *InlineExpressionContext) SEMICOLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserSEMICOLON, 0)
}

func (s *InlineExpressionContext) AllDecorator() []IDecoratorContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IDecoratorContext); ok {
			len++
		}
	}

	tst := make([]IDecoratorContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IDecoratorContext); ok {
			tst[i] = t.(IDecoratorContext)
			i++
		}
	}

	return tst
}

func (s *InlineExpressionContext) Decorator(i int) IDecoratorContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IDecoratorContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IDecoratorContext)
}

func (s *InlineExpressionContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *InlineExpressionContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) InlineExpression() (localctx IInlineExpressionContext) {
	localctx = NewInlineExpressionContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 28, NestmlParserRULE_inlineExpression)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	p.SetState(289)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if _la == NestmlParserRECORDABLE_KEYWORD {
		{
			p.SetState(288)
			p.Match(NestmlParserRECORDABLE_KEYWORD)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	}
	{
		p.SetState(291)
		p.Match(NestmlParserINLINE_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(292)
		p.Match(NestmlParserNAME)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(293)
		p.DataType()
	}
	{
		p.SetState(294)
		p.Match(NestmlParserEQUALS)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(295)
		p.expression(0)
	}
	p.SetState(297)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if _la == NestmlParserSEMICOLON {
		{
			p.SetState(296)
			p.Match(NestmlParserSEMICOLON)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	}
	p.SetState(302)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	for (int64(_la) & ^0x3f) == 0 && ((int64(1)<<_la)&61572651155456) != 0 {
		{
			p.SetState(299)
			p.Decorator()
		}

		p.SetState(304)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)
	}
	{
		p.SetState(305)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IOdeEquationContext is an interface to support dynamic dispatch.
type IOdeEquationContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// GetLhs returns the lhs rule contexts.
	GetLhs() IVariableContext

	// GetRhs returns the rhs rule contexts.
	GetRhs() IExpressionContext

	// SetLhs sets the lhs rule contexts.
	SetLhs(IVariableContext)

	// SetRhs sets the rhs rule contexts.
	SetRhs(IExpressionContext)

	// Getter signatures
	EQUALS() antlr.TerminalNode
	NEWLINE() antlr.TerminalNode
	Variable() IVariableContext
	Expression() IExpressionContext
	SEMICOLON() antlr.TerminalNode
	AllDecorator() []IDecoratorContext
	Decorator(i int) IDecoratorContext

	// IsOdeEquationContext differentiates from other interfaces.
	IsOdeEquationContext()
}

type OdeEquationContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
	lhs    IVariableContext
	rhs    IExpressionContext
}

func NewEmptyOdeEquationContext() *OdeEquationContext {
	var p = new(OdeEquationContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_odeEquation
	return p
}

func InitEmptyOdeEquationContext(p *OdeEquationContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_odeEquation
}

func (*OdeEquationContext) IsOdeEquationContext() {}

func NewOdeEquationContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *OdeEquationContext {
	var p = new(OdeEquationContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_odeEquation

	return p
}

func (s *OdeEquationContext) GetParser() antlr.Parser { return s.parser }

func (s *OdeEquationContext) GetLhs() IVariableContext { return s.lhs }

func (s *OdeEquationContext) GetRhs() IExpressionContext { return s.rhs }

func (s *OdeEquationContext) SetLhs(v IVariableContext) { s.lhs = v }

func (s *OdeEquationContext) SetRhs(v IExpressionContext) { s.rhs = v }

func (s *OdeEquationContext) EQUALS() antlr.TerminalNode {
	return s.GetToken(NestmlParserEQUALS, 0)
}

func (s *OdeEquationContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *OdeEquationContext) Variable() IVariableContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IVariableContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IVariableContext)
}

func (s *OdeEquationContext) Expression() IExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *OdeEquationContext) SEMICOLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserSEMICOLON, 0)
}

func (s *OdeEquationContext) AllDecorator() []IDecoratorContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IDecoratorContext); ok {
			len++
		}
	}

	tst := make([]IDecoratorContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IDecoratorContext); ok {
			tst[i] = t.(IDecoratorContext)
			i++
		}
	}

	return tst
}

func (s *OdeEquationContext) Decorator(i int) IDecoratorContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IDecoratorContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IDecoratorContext)
}

func (s *OdeEquationContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *OdeEquationContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) OdeEquation() (localctx IOdeEquationContext) {
	localctx = NewOdeEquationContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 30, NestmlParserRULE_odeEquation)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(307)

		var _x = p.Variable()

		localctx.(*OdeEquationContext).lhs = _x
	}
	{
		p.SetState(308)
		p.Match(NestmlParserEQUALS)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(309)

		var _x = p.expression(0)

		localctx.(*OdeEquationContext).rhs = _x
	}
	p.SetState(311)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if _la == NestmlParserSEMICOLON {
		{
			p.SetState(310)
			p.Match(NestmlParserSEMICOLON)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	}
	p.SetState(316)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	for (int64(_la) & ^0x3f) == 0 && ((int64(1)<<_la)&61572651155456) != 0 {
		{
			p.SetState(313)
			p.Decorator()
		}

		p.SetState(318)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)
	}
	{
		p.SetState(319)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IKernelContext is an interface to support dynamic dispatch.
type IKernelContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	KERNEL_KEYWORD() antlr.TerminalNode
	AllVariable() []IVariableContext
	Variable(i int) IVariableContext
	AllEQUALS() []antlr.TerminalNode
	EQUALS(i int) antlr.TerminalNode
	AllExpression() []IExpressionContext
	Expression(i int) IExpressionContext
	NEWLINE() antlr.TerminalNode
	AllKERNEL_JOINING() []antlr.TerminalNode
	KERNEL_JOINING(i int) antlr.TerminalNode
	SEMICOLON() antlr.TerminalNode

	// IsKernelContext differentiates from other interfaces.
	IsKernelContext()
}

type KernelContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyKernelContext() *KernelContext {
	var p = new(KernelContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_kernel
	return p
}

func InitEmptyKernelContext(p *KernelContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_kernel
}

func (*KernelContext) IsKernelContext() {}

func NewKernelContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *KernelContext {
	var p = new(KernelContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_kernel

	return p
}

func (s *KernelContext) GetParser() antlr.Parser { return s.parser }

func (s *KernelContext) KERNEL_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserKERNEL_KEYWORD, 0)
}

func (s *KernelContext) AllVariable() []IVariableContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IVariableContext); ok {
			len++
		}
	}

	tst := make([]IVariableContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IVariableContext); ok {
			tst[i] = t.(IVariableContext)
			i++
		}
	}

	return tst
}

func (s *KernelContext) Variable(i int) IVariableContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IVariableContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IVariableContext)
}

func (s *KernelContext) AllEQUALS() []antlr.TerminalNode {
	return s.GetTokens(NestmlParserEQUALS)
}

func (s *KernelContext) EQUALS(i int) antlr.TerminalNode {
	return s.GetToken(NestmlParserEQUALS, i)
}

func (s *KernelContext) AllExpression() []IExpressionContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IExpressionContext); ok {
			len++
		}
	}

	tst := make([]IExpressionContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IExpressionContext); ok {
			tst[i] = t.(IExpressionContext)
			i++
		}
	}

	return tst
}

func (s *KernelContext) Expression(i int) IExpressionContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *KernelContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *KernelContext) AllKERNEL_JOINING() []antlr.TerminalNode {
	return s.GetTokens(NestmlParserKERNEL_JOINING)
}

func (s *KernelContext) KERNEL_JOINING(i int) antlr.TerminalNode {
	return s.GetToken(NestmlParserKERNEL_JOINING, i)
}

func (s *KernelContext) SEMICOLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserSEMICOLON, 0)
}

func (s *KernelContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *KernelContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) Kernel() (localctx IKernelContext) {
	localctx = NewKernelContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 32, NestmlParserRULE_kernel)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(321)
		p.Match(NestmlParserKERNEL_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(322)
		p.Variable()
	}
	{
		p.SetState(323)
		p.Match(NestmlParserEQUALS)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(324)
		p.expression(0)
	}
	p.SetState(332)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	for _la == NestmlParserKERNEL_JOINING {
		{
			p.SetState(325)
			p.Match(NestmlParserKERNEL_JOINING)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(326)
			p.Variable()
		}
		{
			p.SetState(327)
			p.Match(NestmlParserEQUALS)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(328)
			p.expression(0)
		}

		p.SetState(334)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)
	}
	p.SetState(336)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if _la == NestmlParserSEMICOLON {
		{
			p.SetState(335)
			p.Match(NestmlParserSEMICOLON)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	}
	{
		p.SetState(338)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IInputBlockContext is an interface to support dynamic dispatch.
type IInputBlockContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	INPUT_KEYWORD() antlr.TerminalNode
	COLON() antlr.TerminalNode
	NEWLINE() antlr.TerminalNode
	INDENT() antlr.TerminalNode
	DEDENT() antlr.TerminalNode
	AllInputPort() []IInputPortContext
	InputPort(i int) IInputPortContext

	// IsInputBlockContext differentiates from other interfaces.
	IsInputBlockContext()
}

type InputBlockContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyInputBlockContext() *InputBlockContext {
	var p = new(InputBlockContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_inputBlock
	return p
}

func InitEmptyInputBlockContext(p *InputBlockContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_inputBlock
}

func (*InputBlockContext) IsInputBlockContext() {}

func NewInputBlockContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *InputBlockContext {
	var p = new(InputBlockContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_inputBlock

	return p
}

func (s *InputBlockContext) GetParser() antlr.Parser { return s.parser }

func (s *InputBlockContext) INPUT_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserINPUT_KEYWORD, 0)
}

func (s *InputBlockContext) COLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserCOLON, 0)
}

func (s *InputBlockContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *InputBlockContext) INDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserINDENT, 0)
}

func (s *InputBlockContext) DEDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserDEDENT, 0)
}

func (s *InputBlockContext) AllInputPort() []IInputPortContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IInputPortContext); ok {
			len++
		}
	}

	tst := make([]IInputPortContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IInputPortContext); ok {
			tst[i] = t.(IInputPortContext)
			i++
		}
	}

	return tst
}

func (s *InputBlockContext) InputPort(i int) IInputPortContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IInputPortContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IInputPortContext)
}

func (s *InputBlockContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *InputBlockContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) InputBlock() (localctx IInputBlockContext) {
	localctx = NewInputBlockContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 34, NestmlParserRULE_inputBlock)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(340)
		p.Match(NestmlParserINPUT_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(341)
		p.Match(NestmlParserCOLON)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(342)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(343)
		p.Match(NestmlParserINDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	p.SetState(345)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	for ok := true; ok; ok = _la == NestmlParserNAME {
		{
			p.SetState(344)
			p.InputPort()
		}

		p.SetState(347)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)
	}
	{
		p.SetState(349)
		p.Match(NestmlParserDEDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IInputPortContext is an interface to support dynamic dispatch.
type IInputPortContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	SpikeInputPort() ISpikeInputPortContext
	ContinuousInputPort() IContinuousInputPortContext

	// IsInputPortContext differentiates from other interfaces.
	IsInputPortContext()
}

type InputPortContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyInputPortContext() *InputPortContext {
	var p = new(InputPortContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_inputPort
	return p
}

func InitEmptyInputPortContext(p *InputPortContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_inputPort
}

func (*InputPortContext) IsInputPortContext() {}

func NewInputPortContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *InputPortContext {
	var p = new(InputPortContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_inputPort

	return p
}

func (s *InputPortContext) GetParser() antlr.Parser { return s.parser }

func (s *InputPortContext) SpikeInputPort() ISpikeInputPortContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(ISpikeInputPortContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(ISpikeInputPortContext)
}

func (s *InputPortContext) ContinuousInputPort() IContinuousInputPortContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IContinuousInputPortContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IContinuousInputPortContext)
}

func (s *InputPortContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *InputPortContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) InputPort() (localctx IInputPortContext) {
	localctx = NewInputPortContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 36, NestmlParserRULE_inputPort)
	p.SetState(353)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}

	switch p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 39, p.GetParserRuleContext()) {
	case 1:
		p.EnterOuterAlt(localctx, 1)
		{
			p.SetState(351)
			p.SpikeInputPort()
		}

	case 2:
		p.EnterOuterAlt(localctx, 2)
		{
			p.SetState(352)
			p.ContinuousInputPort()
		}

	case antlr.ATNInvalidAltNumber:
		goto errorExit
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// ISpikeInputPortContext is an interface to support dynamic dispatch.
type ISpikeInputPortContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// GetSize returns the size rule contexts.
	GetSize() IExpressionContext

	// SetSize sets the size rule contexts.
	SetSize(IExpressionContext)

	// Getter signatures
	NAME() antlr.TerminalNode
	LEFT_ANGLE_MINUS() antlr.TerminalNode
	SPIKE_KEYWORD() antlr.TerminalNode
	NEWLINE() antlr.TerminalNode
	LEFT_SQUARE_BRACKET() antlr.TerminalNode
	RIGHT_SQUARE_BRACKET() antlr.TerminalNode
	AllInputQualifier() []IInputQualifierContext
	InputQualifier(i int) IInputQualifierContext
	Expression() IExpressionContext

	// IsSpikeInputPortContext differentiates from other interfaces.
	IsSpikeInputPortContext()
}

type SpikeInputPortContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
	size   IExpressionContext
}

func NewEmptySpikeInputPortContext() *SpikeInputPortContext {
	var p = new(SpikeInputPortContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_spikeInputPort
	return p
}

func InitEmptySpikeInputPortContext(p *SpikeInputPortContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_spikeInputPort
}

func (*SpikeInputPortContext) IsSpikeInputPortContext() {}

func NewSpikeInputPortContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *SpikeInputPortContext {
	var p = new(SpikeInputPortContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_spikeInputPort

	return p
}

func (s *SpikeInputPortContext) GetParser() antlr.Parser { return s.parser }

func (s *SpikeInputPortContext) GetSize() IExpressionContext { return s.size }

func (s *SpikeInputPortContext) SetSize(v IExpressionContext) { s.size = v }

func (s *SpikeInputPortContext) NAME() antlr.TerminalNode {
	return s.GetToken(NestmlParserNAME, 0)
}

func (s *SpikeInputPortContext) LEFT_ANGLE_MINUS() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_ANGLE_MINUS, 0)
}

func (s *SpikeInputPortContext) SPIKE_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserSPIKE_KEYWORD, 0)
}

func (s *SpikeInputPortContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *SpikeInputPortContext) LEFT_SQUARE_BRACKET() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_SQUARE_BRACKET, 0)
}

func (s *SpikeInputPortContext) RIGHT_SQUARE_BRACKET() antlr.TerminalNode {
	return s.GetToken(NestmlParserRIGHT_SQUARE_BRACKET, 0)
}

func (s *SpikeInputPortContext) AllInputQualifier() []IInputQualifierContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IInputQualifierContext); ok {
			len++
		}
	}

	tst := make([]IInputQualifierContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IInputQualifierContext); ok {
			tst[i] = t.(IInputQualifierContext)
			i++
		}
	}

	return tst
}

func (s *SpikeInputPortContext) InputQualifier(i int) IInputQualifierContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IInputQualifierContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IInputQualifierContext)
}

func (s *SpikeInputPortContext) Expression() IExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *SpikeInputPortContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *SpikeInputPortContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) SpikeInputPort() (localctx ISpikeInputPortContext) {
	localctx = NewSpikeInputPortContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 38, NestmlParserRULE_spikeInputPort)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(355)
		p.Match(NestmlParserNAME)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	p.SetState(360)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if _la == NestmlParserLEFT_SQUARE_BRACKET {
		{
			p.SetState(356)
			p.Match(NestmlParserLEFT_SQUARE_BRACKET)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(357)

			var _x = p.expression(0)

			localctx.(*SpikeInputPortContext).size = _x
		}
		{
			p.SetState(358)
			p.Match(NestmlParserRIGHT_SQUARE_BRACKET)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	}
	{
		p.SetState(362)
		p.Match(NestmlParserLEFT_ANGLE_MINUS)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	p.SetState(366)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	for _la == NestmlParserINHIBITORY_KEYWORD || _la == NestmlParserEXCITATORY_KEYWORD {
		{
			p.SetState(363)
			p.InputQualifier()
		}

		p.SetState(368)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)
	}
	{
		p.SetState(369)
		p.Match(NestmlParserSPIKE_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(370)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IInputQualifierContext is an interface to support dynamic dispatch.
type IInputQualifierContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	INHIBITORY_KEYWORD() antlr.TerminalNode
	EXCITATORY_KEYWORD() antlr.TerminalNode

	// IsInputQualifierContext differentiates from other interfaces.
	IsInputQualifierContext()
}

type InputQualifierContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyInputQualifierContext() *InputQualifierContext {
	var p = new(InputQualifierContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_inputQualifier
	return p
}

func InitEmptyInputQualifierContext(p *InputQualifierContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_inputQualifier
}

func (*InputQualifierContext) IsInputQualifierContext() {}

func NewInputQualifierContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *InputQualifierContext {
	var p = new(InputQualifierContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_inputQualifier

	return p
}

func (s *InputQualifierContext) GetParser() antlr.Parser { return s.parser }

func (s *InputQualifierContext) INHIBITORY_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserINHIBITORY_KEYWORD, 0)
}

func (s *InputQualifierContext) EXCITATORY_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserEXCITATORY_KEYWORD, 0)
}

func (s *InputQualifierContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *InputQualifierContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) InputQualifier() (localctx IInputQualifierContext) {
	localctx = NewInputQualifierContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 40, NestmlParserRULE_inputQualifier)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(372)
		_la = p.GetTokenStream().LA(1)

		if !(_la == NestmlParserINHIBITORY_KEYWORD || _la == NestmlParserEXCITATORY_KEYWORD) {
			p.GetErrorHandler().RecoverInline(p)
		} else {
			p.GetErrorHandler().ReportMatch(p)
			p.Consume()
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IContinuousInputPortContext is an interface to support dynamic dispatch.
type IContinuousInputPortContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// GetSize returns the size rule contexts.
	GetSize() IExpressionContext

	// SetSize sets the size rule contexts.
	SetSize(IExpressionContext)

	// Getter signatures
	NAME() antlr.TerminalNode
	DataType() IDataTypeContext
	LEFT_ANGLE_MINUS() antlr.TerminalNode
	CONTINUOUS_KEYWORD() antlr.TerminalNode
	NEWLINE() antlr.TerminalNode
	LEFT_SQUARE_BRACKET() antlr.TerminalNode
	RIGHT_SQUARE_BRACKET() antlr.TerminalNode
	Expression() IExpressionContext

	// IsContinuousInputPortContext differentiates from other interfaces.
	IsContinuousInputPortContext()
}

type ContinuousInputPortContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
	size   IExpressionContext
}

func NewEmptyContinuousInputPortContext() *ContinuousInputPortContext {
	var p = new(ContinuousInputPortContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_continuousInputPort
	return p
}

func InitEmptyContinuousInputPortContext(p *ContinuousInputPortContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_continuousInputPort
}

func (*ContinuousInputPortContext) IsContinuousInputPortContext() {}

func NewContinuousInputPortContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *ContinuousInputPortContext {
	var p = new(ContinuousInputPortContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_continuousInputPort

	return p
}

func (s *ContinuousInputPortContext) GetParser() antlr.Parser { return s.parser }

func (s *ContinuousInputPortContext) GetSize() IExpressionContext { return s.size }

func (s *ContinuousInputPortContext) SetSize(v IExpressionContext) { s.size = v }

func (s *ContinuousInputPortContext) NAME() antlr.TerminalNode {
	return s.GetToken(NestmlParserNAME, 0)
}

func (s *ContinuousInputPortContext) DataType() IDataTypeContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IDataTypeContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IDataTypeContext)
}

func (s *ContinuousInputPortContext) LEFT_ANGLE_MINUS() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_ANGLE_MINUS, 0)
}

func (s *ContinuousInputPortContext) CONTINUOUS_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserCONTINUOUS_KEYWORD, 0)
}

func (s *ContinuousInputPortContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *ContinuousInputPortContext) LEFT_SQUARE_BRACKET() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_SQUARE_BRACKET, 0)
}

func (s *ContinuousInputPortContext) RIGHT_SQUARE_BRACKET() antlr.TerminalNode {
	return s.GetToken(NestmlParserRIGHT_SQUARE_BRACKET, 0)
}

func (s *ContinuousInputPortContext) Expression() IExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *ContinuousInputPortContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *ContinuousInputPortContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) ContinuousInputPort() (localctx IContinuousInputPortContext) {
	localctx = NewContinuousInputPortContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 42, NestmlParserRULE_continuousInputPort)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(374)
		p.Match(NestmlParserNAME)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	p.SetState(379)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if _la == NestmlParserLEFT_SQUARE_BRACKET {
		{
			p.SetState(375)
			p.Match(NestmlParserLEFT_SQUARE_BRACKET)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(376)

			var _x = p.expression(0)

			localctx.(*ContinuousInputPortContext).size = _x
		}
		{
			p.SetState(377)
			p.Match(NestmlParserRIGHT_SQUARE_BRACKET)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	}
	{
		p.SetState(381)
		p.DataType()
	}
	{
		p.SetState(382)
		p.Match(NestmlParserLEFT_ANGLE_MINUS)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(383)
		p.Match(NestmlParserCONTINUOUS_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(384)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IOutputBlockContext is an interface to support dynamic dispatch.
type IOutputBlockContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// GetKind returns the kind token.
	GetKind() antlr.Token

	// SetKind sets the kind token.
	SetKind(antlr.Token)

	// Getter signatures
	OUTPUT_KEYWORD() antlr.TerminalNode
	COLON() antlr.TerminalNode
	AllNEWLINE() []antlr.TerminalNode
	NEWLINE(i int) antlr.TerminalNode
	INDENT() antlr.TerminalNode
	DEDENT() antlr.TerminalNode
	SPIKE_KEYWORD() antlr.TerminalNode
	CONTINUOUS_KEYWORD() antlr.TerminalNode

	// IsOutputBlockContext differentiates from other interfaces.
	IsOutputBlockContext()
}

type OutputBlockContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
	kind   antlr.Token
}

func NewEmptyOutputBlockContext() *OutputBlockContext {
	var p = new(OutputBlockContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_outputBlock
	return p
}

func InitEmptyOutputBlockContext(p *OutputBlockContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_outputBlock
}

func (*OutputBlockContext) IsOutputBlockContext() {}

func NewOutputBlockContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *OutputBlockContext {
	var p = new(OutputBlockContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_outputBlock

	return p
}

func (s *OutputBlockContext) GetParser() antlr.Parser { return s.parser }

func (s *OutputBlockContext) GetKind() antlr.Token { return s.kind }

func (s *OutputBlockContext) SetKind(v antlr.Token) { s.kind = v }

func (s *OutputBlockContext) OUTPUT_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserOUTPUT_KEYWORD, 0)
}

func (s *OutputBlockContext) COLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserCOLON, 0)
}

func (s *OutputBlockContext) AllNEWLINE() []antlr.TerminalNode {
	return s.GetTokens(NestmlParserNEWLINE)
}

func (s *OutputBlockContext) NEWLINE(i int) antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, i)
}

func (s *OutputBlockContext) INDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserINDENT, 0)
}

func (s *OutputBlockContext) DEDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserDEDENT, 0)
}

func (s *OutputBlockContext) SPIKE_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserSPIKE_KEYWORD, 0)
}

func (s *OutputBlockContext) CONTINUOUS_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserCONTINUOUS_KEYWORD, 0)
}

func (s *OutputBlockContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *OutputBlockContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) OutputBlock() (localctx IOutputBlockContext) {
	localctx = NewOutputBlockContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 44, NestmlParserRULE_outputBlock)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(386)
		p.Match(NestmlParserOUTPUT_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(387)
		p.Match(NestmlParserCOLON)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(388)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(389)
		p.Match(NestmlParserINDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(390)

		var _lt = p.GetTokenStream().LT(1)

		localctx.(*OutputBlockContext).kind = _lt

		_la = p.GetTokenStream().LA(1)

		if !(_la == NestmlParserCONTINUOUS_KEYWORD || _la == NestmlParserSPIKE_KEYWORD) {
			var _ri = p.GetErrorHandler().RecoverInline(p)

			localctx.(*OutputBlockContext).kind = _ri
		} else {
			p.GetErrorHandler().ReportMatch(p)
			p.Consume()
		}
	}
	{
		p.SetState(391)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(392)
		p.Match(NestmlParserDEDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IUpdateBlockContext is an interface to support dynamic dispatch.
type IUpdateBlockContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	UPDATE_KEYWORD() antlr.TerminalNode
	COLON() antlr.TerminalNode
	NEWLINE() antlr.TerminalNode
	INDENT() antlr.TerminalNode
	StmtsBody() IStmtsBodyContext
	DEDENT() antlr.TerminalNode

	// IsUpdateBlockContext differentiates from other interfaces.
	IsUpdateBlockContext()
}

type UpdateBlockContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyUpdateBlockContext() *UpdateBlockContext {
	var p = new(UpdateBlockContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_updateBlock
	return p
}

func InitEmptyUpdateBlockContext(p *UpdateBlockContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_updateBlock
}

func (*UpdateBlockContext) IsUpdateBlockContext() {}

func NewUpdateBlockContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *UpdateBlockContext {
	var p = new(UpdateBlockContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_updateBlock

	return p
}

func (s *UpdateBlockContext) GetParser() antlr.Parser { return s.parser }

func (s *UpdateBlockContext) UPDATE_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserUPDATE_KEYWORD, 0)
}

func (s *UpdateBlockContext) COLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserCOLON, 0)
}

func (s *UpdateBlockContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *UpdateBlockContext) INDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserINDENT, 0)
}

func (s *UpdateBlockContext) StmtsBody() IStmtsBodyContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IStmtsBodyContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IStmtsBodyContext)
}

func (s *UpdateBlockContext) DEDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserDEDENT, 0)
}

func (s *UpdateBlockContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *UpdateBlockContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) UpdateBlock() (localctx IUpdateBlockContext) {
	localctx = NewUpdateBlockContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 46, NestmlParserRULE_updateBlock)
	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(394)
		p.Match(NestmlParserUPDATE_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(395)
		p.Match(NestmlParserCOLON)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(396)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(397)
		p.Match(NestmlParserINDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(398)
		p.StmtsBody()
	}
	{
		p.SetState(399)
		p.Match(NestmlParserDEDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IOnReceiveBlockContext is an interface to support dynamic dispatch.
type IOnReceiveBlockContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// GetPort returns the port token.
	GetPort() antlr.Token

	// SetPort sets the port token.
	SetPort(antlr.Token)

	// Getter signatures
	ON_RECEIVE_KEYWORD() antlr.TerminalNode
	LEFT_PAREN() antlr.TerminalNode
	RIGHT_PAREN() antlr.TerminalNode
	COLON() antlr.TerminalNode
	NEWLINE() antlr.TerminalNode
	INDENT() antlr.TerminalNode
	StmtsBody() IStmtsBodyContext
	DEDENT() antlr.TerminalNode
	NAME() antlr.TerminalNode
	AllCOMMA() []antlr.TerminalNode
	COMMA(i int) antlr.TerminalNode
	AllConstParameter() []IConstParameterContext
	ConstParameter(i int) IConstParameterContext

	// IsOnReceiveBlockContext differentiates from other interfaces.
	IsOnReceiveBlockContext()
}

type OnReceiveBlockContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
	port   antlr.Token
}

func NewEmptyOnReceiveBlockContext() *OnReceiveBlockContext {
	var p = new(OnReceiveBlockContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_onReceiveBlock
	return p
}

func InitEmptyOnReceiveBlockContext(p *OnReceiveBlockContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_onReceiveBlock
}

func (*OnReceiveBlockContext) IsOnReceiveBlockContext() {}

func NewOnReceiveBlockContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *OnReceiveBlockContext {
	var p = new(OnReceiveBlockContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_onReceiveBlock

	return p
}

func (s *OnReceiveBlockContext) GetParser() antlr.Parser { return s.parser }

func (s *OnReceiveBlockContext) GetPort() antlr.Token { return s.port }

func (s *OnReceiveBlockContext) SetPort(v antlr.Token) { s.port = v }

func (s *OnReceiveBlockContext) ON_RECEIVE_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserON_RECEIVE_KEYWORD, 0)
}

func (s *OnReceiveBlockContext) LEFT_PAREN() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_PAREN, 0)
}

func (s *OnReceiveBlockContext) RIGHT_PAREN() antlr.TerminalNode {
	return s.GetToken(NestmlParserRIGHT_PAREN, 0)
}

func (s *OnReceiveBlockContext) COLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserCOLON, 0)
}

func (s *OnReceiveBlockContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *OnReceiveBlockContext) INDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserINDENT, 0)
}

func (s *OnReceiveBlockContext) StmtsBody() IStmtsBodyContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IStmtsBodyContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IStmtsBodyContext)
}

func (s *OnReceiveBlockContext) DEDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserDEDENT, 0)
}

func (s *OnReceiveBlockContext) NAME() antlr.TerminalNode {
	return s.GetToken(NestmlParserNAME, 0)
}

func (s *OnReceiveBlockContext) AllCOMMA() []antlr.TerminalNode {
	return s.GetTokens(NestmlParserCOMMA)
}

func (s *OnReceiveBlockContext) COMMA(i int) antlr.TerminalNode {
	return s.GetToken(NestmlParserCOMMA, i)
}

func (s *OnReceiveBlockContext) AllConstParameter() []IConstParameterContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IConstParameterContext); ok {
			len++
		}
	}

	tst := make([]IConstParameterContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IConstParameterContext); ok {
			tst[i] = t.(IConstParameterContext)
			i++
		}
	}

	return tst
}

func (s *OnReceiveBlockContext) ConstParameter(i int) IConstParameterContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IConstParameterContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IConstParameterContext)
}

func (s *OnReceiveBlockContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *OnReceiveBlockContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) OnReceiveBlock() (localctx IOnReceiveBlockContext) {
	localctx = NewOnReceiveBlockContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 48, NestmlParserRULE_onReceiveBlock)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(401)
		p.Match(NestmlParserON_RECEIVE_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(402)
		p.Match(NestmlParserLEFT_PAREN)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(403)

		var _m = p.Match(NestmlParserNAME)

		localctx.(*OnReceiveBlockContext).port = _m
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	p.SetState(408)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	for _la == NestmlParserCOMMA {
		{
			p.SetState(404)
			p.Match(NestmlParserCOMMA)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(405)
			p.ConstParameter()
		}

		p.SetState(410)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)
	}
	{
		p.SetState(411)
		p.Match(NestmlParserRIGHT_PAREN)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(412)
		p.Match(NestmlParserCOLON)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(413)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(414)
		p.Match(NestmlParserINDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(415)
		p.StmtsBody()
	}
	{
		p.SetState(416)
		p.Match(NestmlParserDEDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IOnConditionBlockContext is an interface to support dynamic dispatch.
type IOnConditionBlockContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// GetCond returns the cond rule contexts.
	GetCond() IExpressionContext

	// SetCond sets the cond rule contexts.
	SetCond(IExpressionContext)

	// Getter signatures
	ON_CONDITION_KEYWORD() antlr.TerminalNode
	LEFT_PAREN() antlr.TerminalNode
	RIGHT_PAREN() antlr.TerminalNode
	COLON() antlr.TerminalNode
	NEWLINE() antlr.TerminalNode
	INDENT() antlr.TerminalNode
	StmtsBody() IStmtsBodyContext
	DEDENT() antlr.TerminalNode
	Expression() IExpressionContext
	AllCOMMA() []antlr.TerminalNode
	COMMA(i int) antlr.TerminalNode
	AllConstParameter() []IConstParameterContext
	ConstParameter(i int) IConstParameterContext

	// IsOnConditionBlockContext differentiates from other interfaces.
	IsOnConditionBlockContext()
}

type OnConditionBlockContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
	cond   IExpressionContext
}

func NewEmptyOnConditionBlockContext() *OnConditionBlockContext {
	var p = new(OnConditionBlockContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_onConditionBlock
	return p
}

func InitEmptyOnConditionBlockContext(p *OnConditionBlockContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_onConditionBlock
}

func (*OnConditionBlockContext) IsOnConditionBlockContext() {}

func NewOnConditionBlockContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *OnConditionBlockContext {
	var p = new(OnConditionBlockContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_onConditionBlock

	return p
}

func (s *OnConditionBlockContext) GetParser() antlr.Parser { return s.parser }

func (s *OnConditionBlockContext) GetCond() IExpressionContext { return s.cond }

func (s *OnConditionBlockContext) SetCond(v IExpressionContext) { s.cond = v }

func (s *OnConditionBlockContext) ON_CONDITION_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserON_CONDITION_KEYWORD, 0)
}

func (s *OnConditionBlockContext) LEFT_PAREN() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_PAREN, 0)
}

func (s *OnConditionBlockContext) RIGHT_PAREN() antlr.TerminalNode {
	return s.GetToken(NestmlParserRIGHT_PAREN, 0)
}

func (s *OnConditionBlockContext) COLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserCOLON, 0)
}

func (s *OnConditionBlockContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *OnConditionBlockContext) INDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserINDENT, 0)
}

func (s *OnConditionBlockContext) StmtsBody() IStmtsBodyContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IStmtsBodyContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IStmtsBodyContext)
}

func (s *OnConditionBlockContext) DEDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserDEDENT, 0)
}

func (s *OnConditionBlockContext) Expression() IExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *OnConditionBlockContext) AllCOMMA() []antlr.TerminalNode {
	return s.GetTokens(NestmlParserCOMMA)
}

func (s *OnConditionBlockContext) COMMA(i int) antlr.TerminalNode {
	return s.GetToken(NestmlParserCOMMA, i)
}

func (s *OnConditionBlockContext) AllConstParameter() []IConstParameterContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IConstParameterContext); ok {
			len++
		}
	}

	tst := make([]IConstParameterContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IConstParameterContext); ok {
			tst[i] = t.(IConstParameterContext)
			i++
		}
	}

	return tst
}

func (s *OnConditionBlockContext) ConstParameter(i int) IConstParameterContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IConstParameterContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IConstParameterContext)
}

func (s *OnConditionBlockContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *OnConditionBlockContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) OnConditionBlock() (localctx IOnConditionBlockContext) {
	localctx = NewOnConditionBlockContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 50, NestmlParserRULE_onConditionBlock)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(418)
		p.Match(NestmlParserON_CONDITION_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(419)
		p.Match(NestmlParserLEFT_PAREN)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(420)

		var _x = p.expression(0)

		localctx.(*OnConditionBlockContext).cond = _x
	}
	p.SetState(425)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	for _la == NestmlParserCOMMA {
		{
			p.SetState(421)
			p.Match(NestmlParserCOMMA)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(422)
			p.ConstParameter()
		}

		p.SetState(427)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)
	}
	{
		p.SetState(428)
		p.Match(NestmlParserRIGHT_PAREN)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(429)
		p.Match(NestmlParserCOLON)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(430)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(431)
		p.Match(NestmlParserINDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(432)
		p.StmtsBody()
	}
	{
		p.SetState(433)
		p.Match(NestmlParserDEDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IConstParameterContext is an interface to support dynamic dispatch.
type IConstParameterContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// GetValue returns the value token.
	GetValue() antlr.Token

	// SetValue sets the value token.
	SetValue(antlr.Token)

	// Getter signatures
	NAME() antlr.TerminalNode
	EQUALS() antlr.TerminalNode
	BOOLEAN_LITERAL() antlr.TerminalNode
	UNSIGNED_INTEGER() antlr.TerminalNode
	FLOAT() antlr.TerminalNode
	STRING_LITERAL() antlr.TerminalNode
	INF_KEYWORD() antlr.TerminalNode

	// IsConstParameterContext differentiates from other interfaces.
	IsConstParameterContext()
}

type ConstParameterContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
	value  antlr.Token
}

func NewEmptyConstParameterContext() *ConstParameterContext {
	var p = new(ConstParameterContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_constParameter
	return p
}

func InitEmptyConstParameterContext(p *ConstParameterContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_constParameter
}

func (*ConstParameterContext) IsConstParameterContext() {}

func NewConstParameterContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *ConstParameterContext {
	var p = new(ConstParameterContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_constParameter

	return p
}

func (s *ConstParameterContext) GetParser() antlr.Parser { return s.parser }

func (s *ConstParameterContext) GetValue() antlr.Token { return s.value }

func (s *ConstParameterContext) SetValue(v antlr.Token) { s.value = v }

func (s *ConstParameterContext) NAME() antlr.TerminalNode {
	return s.GetToken(NestmlParserNAME, 0)
}

func (s *ConstParameterContext) EQUALS() antlr.TerminalNode {
	return s.GetToken(NestmlParserEQUALS, 0)
}

func (s *ConstParameterContext) BOOLEAN_LITERAL() antlr.TerminalNode {
	return s.GetToken(NestmlParserBOOLEAN_LITERAL, 0)
}

func (s *ConstParameterContext) UNSIGNED_INTEGER() antlr.TerminalNode {
	return s.GetToken(NestmlParserUNSIGNED_INTEGER, 0)
}

func (s *ConstParameterContext) FLOAT() antlr.TerminalNode {
	return s.GetToken(NestmlParserFLOAT, 0)
}

func (s *ConstParameterContext) STRING_LITERAL() antlr.TerminalNode {
	return s.GetToken(NestmlParserSTRING_LITERAL, 0)
}

func (s *ConstParameterContext) INF_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserINF_KEYWORD, 0)
}

func (s *ConstParameterContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *ConstParameterContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) ConstParameter() (localctx IConstParameterContext) {
	localctx = NewConstParameterContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 52, NestmlParserRULE_constParameter)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(435)
		p.Match(NestmlParserNAME)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(436)
		p.Match(NestmlParserEQUALS)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(437)

		var _lt = p.GetTokenStream().LT(1)

		localctx.(*ConstParameterContext).value = _lt

		_la = p.GetTokenStream().LA(1)

		if !(_la == NestmlParserINF_KEYWORD || ((int64((_la-87)) & ^0x3f) == 0 && ((int64(1)<<(_la-87))&51) != 0)) {
			var _ri = p.GetErrorHandler().RecoverInline(p)

			localctx.(*ConstParameterContext).value = _ri
		} else {
			p.GetErrorHandler().ReportMatch(p)
			p.Consume()
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IFunctionDefinitionContext is an interface to support dynamic dispatch.
type IFunctionDefinitionContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// GetReturnType returns the returnType rule contexts.
	GetReturnType() IDataTypeContext

	// SetReturnType sets the returnType rule contexts.
	SetReturnType(IDataTypeContext)

	// Getter signatures
	FUNCTION_KEYWORD() antlr.TerminalNode
	NAME() antlr.TerminalNode
	LEFT_PAREN() antlr.TerminalNode
	RIGHT_PAREN() antlr.TerminalNode
	COLON() antlr.TerminalNode
	NEWLINE() antlr.TerminalNode
	INDENT() antlr.TerminalNode
	StmtsBody() IStmtsBodyContext
	DEDENT() antlr.TerminalNode
	AllParameter() []IParameterContext
	Parameter(i int) IParameterContext
	DataType() IDataTypeContext
	AllCOMMA() []antlr.TerminalNode
	COMMA(i int) antlr.TerminalNode

	// IsFunctionDefinitionContext differentiates from other interfaces.
	IsFunctionDefinitionContext()
}

type FunctionDefinitionContext struct {
	antlr.BaseParserRuleContext
	parser     antlr.Parser
	returnType IDataTypeContext
}

func NewEmptyFunctionDefinitionContext() *FunctionDefinitionContext {
	var p = new(FunctionDefinitionContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_functionDefinition
	return p
}

func InitEmptyFunctionDefinitionContext(p *FunctionDefinitionContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_functionDefinition
}

func (*FunctionDefinitionContext) IsFunctionDefinitionContext() {}

func NewFunctionDefinitionContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *FunctionDefinitionContext {
	var p = new(FunctionDefinitionContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_functionDefinition

	return p
}

func (s *FunctionDefinitionContext) GetParser() antlr.Parser { return s.parser }

func (s *FunctionDefinitionContext) GetReturnType() IDataTypeContext { return s.returnType }

func (s *FunctionDefinitionContext) SetReturnType(v IDataTypeContext) { s.returnType = v }

func (s *FunctionDefinitionContext) FUNCTION_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserFUNCTION_KEYWORD, 0)
}

func (s *FunctionDefinitionContext) NAME() antlr.TerminalNode {
	return s.GetToken(NestmlParserNAME, 0)
}

func (s *FunctionDefinitionContext) LEFT_PAREN() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_PAREN, 0)
}

func (s *FunctionDefinitionContext) RIGHT_PAREN() antlr.TerminalNode {
	return s.GetToken(NestmlParserRIGHT_PAREN, 0)
}

func (s *FunctionDefinitionContext) COLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserCOLON, 0)
}

func (s *FunctionDefinitionContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *FunctionDefinitionContext) INDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserINDENT, 0)
}

func (s *FunctionDefinitionContext) StmtsBody() IStmtsBodyContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IStmtsBodyContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IStmtsBodyContext)
}

func (s *FunctionDefinitionContext) DEDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserDEDENT, 0)
}

func (s *FunctionDefinitionContext) AllParameter() []IParameterContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IParameterContext); ok {
			len++
		}
	}

	tst := make([]IParameterContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IParameterContext); ok {
			tst[i] = t.(IParameterContext)
			i++
		}
	}

	return tst
}

func (s *FunctionDefinitionContext) Parameter(i int) IParameterContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IParameterContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IParameterContext)
}

func (s *FunctionDefinitionContext) DataType() IDataTypeContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IDataTypeContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IDataTypeContext)
}

func (s *FunctionDefinitionContext) AllCOMMA() []antlr.TerminalNode {
	return s.GetTokens(NestmlParserCOMMA)
}

func (s *FunctionDefinitionContext) COMMA(i int) antlr.TerminalNode {
	return s.GetToken(NestmlParserCOMMA, i)
}

func (s *FunctionDefinitionContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *FunctionDefinitionContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) FunctionDefinition() (localctx IFunctionDefinitionContext) {
	localctx = NewFunctionDefinitionContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 54, NestmlParserRULE_functionDefinition)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(439)
		p.Match(NestmlParserFUNCTION_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(440)
		p.Match(NestmlParserNAME)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(441)
		p.Match(NestmlParserLEFT_PAREN)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	p.SetState(450)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if _la == NestmlParserNAME {
		{
			p.SetState(442)
			p.Parameter()
		}
		p.SetState(447)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)

		for _la == NestmlParserCOMMA {
			{
				p.SetState(443)
				p.Match(NestmlParserCOMMA)
				if p.HasError() {
					// Recognition error - abort rule
					goto errorExit
				}
			}
			{
				p.SetState(444)
				p.Parameter()
			}

			p.SetState(449)
			p.GetErrorHandler().Sync(p)
			if p.HasError() {
				goto errorExit
			}
			_la = p.GetTokenStream().LA(1)
		}

	}
	{
		p.SetState(452)
		p.Match(NestmlParserRIGHT_PAREN)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	p.SetState(454)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if ((int64(_la) & ^0x3f) == 0 && ((int64(1)<<_la)&140737488363264) != 0) || _la == NestmlParserNAME || _la == NestmlParserUNSIGNED_INTEGER {
		{
			p.SetState(453)

			var _x = p.DataType()

			localctx.(*FunctionDefinitionContext).returnType = _x
		}

	}
	{
		p.SetState(456)
		p.Match(NestmlParserCOLON)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(457)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(458)
		p.Match(NestmlParserINDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(459)
		p.StmtsBody()
	}
	{
		p.SetState(460)
		p.Match(NestmlParserDEDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IParameterContext is an interface to support dynamic dispatch.
type IParameterContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	NAME() antlr.TerminalNode
	DataType() IDataTypeContext

	// IsParameterContext differentiates from other interfaces.
	IsParameterContext()
}

type ParameterContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyParameterContext() *ParameterContext {
	var p = new(ParameterContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_parameter
	return p
}

func InitEmptyParameterContext(p *ParameterContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_parameter
}

func (*ParameterContext) IsParameterContext() {}

func NewParameterContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *ParameterContext {
	var p = new(ParameterContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_parameter

	return p
}

func (s *ParameterContext) GetParser() antlr.Parser { return s.parser }

func (s *ParameterContext) NAME() antlr.TerminalNode {
	return s.GetToken(NestmlParserNAME, 0)
}

func (s *ParameterContext) DataType() IDataTypeContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IDataTypeContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IDataTypeContext)
}

func (s *ParameterContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *ParameterContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) Parameter() (localctx IParameterContext) {
	localctx = NewParameterContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 56, NestmlParserRULE_parameter)
	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(462)
		p.Match(NestmlParserNAME)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(463)
		p.DataType()
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IStmtsBodyContext is an interface to support dynamic dispatch.
type IStmtsBodyContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	AllStmt() []IStmtContext
	Stmt(i int) IStmtContext
	AllNEWLINE() []antlr.TerminalNode
	NEWLINE(i int) antlr.TerminalNode

	// IsStmtsBodyContext differentiates from other interfaces.
	IsStmtsBodyContext()
}

type StmtsBodyContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyStmtsBodyContext() *StmtsBodyContext {
	var p = new(StmtsBodyContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_stmtsBody
	return p
}

func InitEmptyStmtsBodyContext(p *StmtsBodyContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_stmtsBody
}

func (*StmtsBodyContext) IsStmtsBodyContext() {}

func NewStmtsBodyContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *StmtsBodyContext {
	var p = new(StmtsBodyContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_stmtsBody

	return p
}

func (s *StmtsBodyContext) GetParser() antlr.Parser { return s.parser }

func (s *StmtsBodyContext) AllStmt() []IStmtContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IStmtContext); ok {
			len++
		}
	}

	tst := make([]IStmtContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IStmtContext); ok {
			tst[i] = t.(IStmtContext)
			i++
		}
	}

	return tst
}

func (s *StmtsBodyContext) Stmt(i int) IStmtContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IStmtContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IStmtContext)
}

func (s *StmtsBodyContext) AllNEWLINE() []antlr.TerminalNode {
	return s.GetTokens(NestmlParserNEWLINE)
}

func (s *StmtsBodyContext) NEWLINE(i int) antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, i)
}

func (s *StmtsBodyContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *StmtsBodyContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) StmtsBody() (localctx IStmtsBodyContext) {
	localctx = NewStmtsBodyContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 58, NestmlParserRULE_stmtsBody)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	p.SetState(466)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if _la == NestmlParserNEWLINE {
		{
			p.SetState(465)
			p.Match(NestmlParserNEWLINE)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	}
	{
		p.SetState(468)
		p.Stmt()
	}
	p.SetState(473)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	for ((int64(_la) & ^0x3f) == 0 && ((int64(1)<<_la)&135905312) != 0) || _la == NestmlParserNAME {
		p.SetState(471)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}

		switch p.GetTokenStream().LA(1) {
		case NestmlParserNEWLINE:
			{
				p.SetState(469)
				p.Match(NestmlParserNEWLINE)
				if p.HasError() {
					// Recognition error - abort rule
					goto errorExit
				}
			}

		case NestmlParserINLINE_KEYWORD, NestmlParserRETURN_KEYWORD, NestmlParserIF_KEYWORD, NestmlParserFOR_KEYWORD, NestmlParserWHILE_KEYWORD, NestmlParserRECORDABLE_KEYWORD, NestmlParserNAME:
			{
				p.SetState(470)
				p.Stmt()
			}

		default:
			p.SetError(antlr.NewNoViableAltException(p, nil, nil, nil, nil, nil))
			goto errorExit
		}

		p.SetState(475)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IStmtContext is an interface to support dynamic dispatch.
type IStmtContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	SmallStmt() ISmallStmtContext
	CompoundStmt() ICompoundStmtContext

	// IsStmtContext differentiates from other interfaces.
	IsStmtContext()
}

type StmtContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyStmtContext() *StmtContext {
	var p = new(StmtContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_stmt
	return p
}

func InitEmptyStmtContext(p *StmtContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_stmt
}

func (*StmtContext) IsStmtContext() {}

func NewStmtContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *StmtContext {
	var p = new(StmtContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_stmt

	return p
}

func (s *StmtContext) GetParser() antlr.Parser { return s.parser }

func (s *StmtContext) SmallStmt() ISmallStmtContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(ISmallStmtContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(ISmallStmtContext)
}

func (s *StmtContext) CompoundStmt() ICompoundStmtContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(ICompoundStmtContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(ICompoundStmtContext)
}

func (s *StmtContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *StmtContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) Stmt() (localctx IStmtContext) {
	localctx = NewStmtContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 60, NestmlParserRULE_stmt)
	p.SetState(478)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}

	switch p.GetTokenStream().LA(1) {
	case NestmlParserINLINE_KEYWORD, NestmlParserRETURN_KEYWORD, NestmlParserRECORDABLE_KEYWORD, NestmlParserNAME:
		p.EnterOuterAlt(localctx, 1)
		{
			p.SetState(476)
			p.SmallStmt()
		}

	case NestmlParserIF_KEYWORD, NestmlParserFOR_KEYWORD, NestmlParserWHILE_KEYWORD:
		p.EnterOuterAlt(localctx, 2)
		{
			p.SetState(477)
			p.CompoundStmt()
		}

	default:
		p.SetError(antlr.NewNoViableAltException(p, nil, nil, nil, nil, nil))
		goto errorExit
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// ISmallStmtContext is an interface to support dynamic dispatch.
type ISmallStmtContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	NEWLINE() antlr.TerminalNode
	Assignment() IAssignmentContext
	FunctionCall() IFunctionCallContext
	Declaration() IDeclarationContext
	ReturnStmt() IReturnStmtContext

	// IsSmallStmtContext differentiates from other interfaces.
	IsSmallStmtContext()
}

type SmallStmtContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptySmallStmtContext() *SmallStmtContext {
	var p = new(SmallStmtContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_smallStmt
	return p
}

func InitEmptySmallStmtContext(p *SmallStmtContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_smallStmt
}

func (*SmallStmtContext) IsSmallStmtContext() {}

func NewSmallStmtContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *SmallStmtContext {
	var p = new(SmallStmtContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_smallStmt

	return p
}

func (s *SmallStmtContext) GetParser() antlr.Parser { return s.parser }

func (s *SmallStmtContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *SmallStmtContext) Assignment() IAssignmentContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IAssignmentContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IAssignmentContext)
}

func (s *SmallStmtContext) FunctionCall() IFunctionCallContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IFunctionCallContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IFunctionCallContext)
}

func (s *SmallStmtContext) Declaration() IDeclarationContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IDeclarationContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IDeclarationContext)
}

func (s *SmallStmtContext) ReturnStmt() IReturnStmtContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IReturnStmtContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IReturnStmtContext)
}

func (s *SmallStmtContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *SmallStmtContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) SmallStmt() (localctx ISmallStmtContext) {
	localctx = NewSmallStmtContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 62, NestmlParserRULE_smallStmt)
	p.EnterOuterAlt(localctx, 1)
	p.SetState(484)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}

	switch p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 52, p.GetParserRuleContext()) {
	case 1:
		{
			p.SetState(480)
			p.Assignment()
		}

	case 2:
		{
			p.SetState(481)
			p.FunctionCall()
		}

	case 3:
		{
			p.SetState(482)
			p.Declaration()
		}

	case 4:
		{
			p.SetState(483)
			p.ReturnStmt()
		}

	case antlr.ATNInvalidAltNumber:
		goto errorExit
	}
	{
		p.SetState(486)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IAssignmentContext is an interface to support dynamic dispatch.
type IAssignmentContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// GetOp returns the op token.
	GetOp() antlr.Token

	// SetOp sets the op token.
	SetOp(antlr.Token)

	// GetLhs returns the lhs rule contexts.
	GetLhs() IVariableContext

	// GetRhs returns the rhs rule contexts.
	GetRhs() IExpressionContext

	// SetLhs sets the lhs rule contexts.
	SetLhs(IVariableContext)

	// SetRhs sets the rhs rule contexts.
	SetRhs(IExpressionContext)

	// Getter signatures
	Variable() IVariableContext
	Expression() IExpressionContext
	EQUALS() antlr.TerminalNode
	PLUS_EQUALS() antlr.TerminalNode
	MINUS_EQUALS() antlr.TerminalNode
	STAR_EQUALS() antlr.TerminalNode
	FORWARD_SLASH_EQUALS() antlr.TerminalNode
	DOUBLE_FORWARD_SLASH_EQUALS() antlr.TerminalNode

	// IsAssignmentContext differentiates from other interfaces.
	IsAssignmentContext()
}

type AssignmentContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
	lhs    IVariableContext
	op     antlr.Token
	rhs    IExpressionContext
}

func NewEmptyAssignmentContext() *AssignmentContext {
	var p = new(AssignmentContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_assignment
	return p
}

func InitEmptyAssignmentContext(p *AssignmentContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_assignment
}

func (*AssignmentContext) IsAssignmentContext() {}

func NewAssignmentContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *AssignmentContext {
	var p = new(AssignmentContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_assignment

	return p
}

func (s *AssignmentContext) GetParser() antlr.Parser { return s.parser }

func (s *AssignmentContext) GetOp() antlr.Token { return s.op }

func (s *AssignmentContext) SetOp(v antlr.Token) { s.op = v }

func (s *AssignmentContext) GetLhs() IVariableContext { return s.lhs }

func (s *AssignmentContext) GetRhs() IExpressionContext { return s.rhs }

func (s *AssignmentContext) SetLhs(v IVariableContext) { s.lhs = v }

func (s *AssignmentContext) SetRhs(v IExpressionContext) { s.rhs = v }

func (s *AssignmentContext) Variable() IVariableContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IVariableContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IVariableContext)
}

func (s *AssignmentContext) Expression() IExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *AssignmentContext) EQUALS() antlr.TerminalNode {
	return s.GetToken(NestmlParserEQUALS, 0)
}

func (s *AssignmentContext) PLUS_EQUALS() antlr.TerminalNode {
	return s.GetToken(NestmlParserPLUS_EQUALS, 0)
}

func (s *AssignmentContext) MINUS_EQUALS() antlr.TerminalNode {
	return s.GetToken(NestmlParserMINUS_EQUALS, 0)
}

func (s *AssignmentContext) STAR_EQUALS() antlr.TerminalNode {
	return s.GetToken(NestmlParserSTAR_EQUALS, 0)
}

func (s *AssignmentContext) FORWARD_SLASH_EQUALS() antlr.TerminalNode {
	return s.GetToken(NestmlParserFORWARD_SLASH_EQUALS, 0)
}

func (s *AssignmentContext) DOUBLE_FORWARD_SLASH_EQUALS() antlr.TerminalNode {
	return s.GetToken(NestmlParserDOUBLE_FORWARD_SLASH_EQUALS, 0)
}

func (s *AssignmentContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *AssignmentContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) Assignment() (localctx IAssignmentContext) {
	localctx = NewAssignmentContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 64, NestmlParserRULE_assignment)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(488)

		var _x = p.Variable()

		localctx.(*AssignmentContext).lhs = _x
	}
	{
		p.SetState(489)

		var _lt = p.GetTokenStream().LT(1)

		localctx.(*AssignmentContext).op = _lt

		_la = p.GetTokenStream().LA(1)

		if !((int64((_la-74)) & ^0x3f) == 0 && ((int64(1)<<(_la-74))&63) != 0) {
			var _ri = p.GetErrorHandler().RecoverInline(p)

			localctx.(*AssignmentContext).op = _ri
		} else {
			p.GetErrorHandler().ReportMatch(p)
			p.Consume()
		}
	}
	{
		p.SetState(490)

		var _x = p.expression(0)

		localctx.(*AssignmentContext).rhs = _x
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IReturnStmtContext is an interface to support dynamic dispatch.
type IReturnStmtContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	RETURN_KEYWORD() antlr.TerminalNode
	Expression() IExpressionContext

	// IsReturnStmtContext differentiates from other interfaces.
	IsReturnStmtContext()
}

type ReturnStmtContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyReturnStmtContext() *ReturnStmtContext {
	var p = new(ReturnStmtContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_returnStmt
	return p
}

func InitEmptyReturnStmtContext(p *ReturnStmtContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_returnStmt
}

func (*ReturnStmtContext) IsReturnStmtContext() {}

func NewReturnStmtContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *ReturnStmtContext {
	var p = new(ReturnStmtContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_returnStmt

	return p
}

func (s *ReturnStmtContext) GetParser() antlr.Parser { return s.parser }

func (s *ReturnStmtContext) RETURN_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserRETURN_KEYWORD, 0)
}

func (s *ReturnStmtContext) Expression() IExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *ReturnStmtContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *ReturnStmtContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) ReturnStmt() (localctx IReturnStmtContext) {
	localctx = NewReturnStmtContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 66, NestmlParserRULE_returnStmt)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(492)
		p.Match(NestmlParserRETURN_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	p.SetState(494)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if ((int64(_la) & ^0x3f) == 0 && ((int64(1)<<_la)&73887181462044672) != 0) || ((int64((_la-87)) & ^0x3f) == 0 && ((int64(1)<<(_la-87))&59) != 0) {
		{
			p.SetState(493)
			p.expression(0)
		}

	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// ICompoundStmtContext is an interface to support dynamic dispatch.
type ICompoundStmtContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	IfStmt() IIfStmtContext
	ForStmt() IForStmtContext
	WhileStmt() IWhileStmtContext

	// IsCompoundStmtContext differentiates from other interfaces.
	IsCompoundStmtContext()
}

type CompoundStmtContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyCompoundStmtContext() *CompoundStmtContext {
	var p = new(CompoundStmtContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_compoundStmt
	return p
}

func InitEmptyCompoundStmtContext(p *CompoundStmtContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_compoundStmt
}

func (*CompoundStmtContext) IsCompoundStmtContext() {}

func NewCompoundStmtContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *CompoundStmtContext {
	var p = new(CompoundStmtContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_compoundStmt

	return p
}

func (s *CompoundStmtContext) GetParser() antlr.Parser { return s.parser }

func (s *CompoundStmtContext) IfStmt() IIfStmtContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IIfStmtContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IIfStmtContext)
}

func (s *CompoundStmtContext) ForStmt() IForStmtContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IForStmtContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IForStmtContext)
}

func (s *CompoundStmtContext) WhileStmt() IWhileStmtContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IWhileStmtContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IWhileStmtContext)
}

func (s *CompoundStmtContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *CompoundStmtContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) CompoundStmt() (localctx ICompoundStmtContext) {
	localctx = NewCompoundStmtContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 68, NestmlParserRULE_compoundStmt)
	p.SetState(499)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}

	switch p.GetTokenStream().LA(1) {
	case NestmlParserIF_KEYWORD:
		p.EnterOuterAlt(localctx, 1)
		{
			p.SetState(496)
			p.IfStmt()
		}

	case NestmlParserFOR_KEYWORD:
		p.EnterOuterAlt(localctx, 2)
		{
			p.SetState(497)
			p.ForStmt()
		}

	case NestmlParserWHILE_KEYWORD:
		p.EnterOuterAlt(localctx, 3)
		{
			p.SetState(498)
			p.WhileStmt()
		}

	default:
		p.SetError(antlr.NewNoViableAltException(p, nil, nil, nil, nil, nil))
		goto errorExit
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IIfStmtContext is an interface to support dynamic dispatch.
type IIfStmtContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	IF_KEYWORD() antlr.TerminalNode
	Expression() IExpressionContext
	COLON() antlr.TerminalNode
	NEWLINE() antlr.TerminalNode
	INDENT() antlr.TerminalNode
	StmtsBody() IStmtsBodyContext
	DEDENT() antlr.TerminalNode
	AllElifClause() []IElifClauseContext
	ElifClause(i int) IElifClauseContext
	ElseClause() IElseClauseContext

	// IsIfStmtContext differentiates from other interfaces.
	IsIfStmtContext()
}

type IfStmtContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyIfStmtContext() *IfStmtContext {
	var p = new(IfStmtContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_ifStmt
	return p
}

func InitEmptyIfStmtContext(p *IfStmtContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_ifStmt
}

func (*IfStmtContext) IsIfStmtContext() {}

func NewIfStmtContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *IfStmtContext {
	var p = new(IfStmtContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_ifStmt

	return p
}

func (s *IfStmtContext) GetParser() antlr.Parser { return s.parser }

func (s *IfStmtContext) IF_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserIF_KEYWORD, 0)
}

func (s *IfStmtContext) Expression() IExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *IfStmtContext) COLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserCOLON, 0)
}

func (s *IfStmtContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *IfStmtContext) INDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserINDENT, 0)
}

func (s *IfStmtContext) StmtsBody() IStmtsBodyContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IStmtsBodyContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IStmtsBodyContext)
}

func (s *IfStmtContext) DEDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserDEDENT, 0)
}

func (s *IfStmtContext) AllElifClause() []IElifClauseContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IElifClauseContext); ok {
			len++
		}
	}

	tst := make([]IElifClauseContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IElifClauseContext); ok {
			tst[i] = t.(IElifClauseContext)
			i++
		}
	}

	return tst
}

func (s *IfStmtContext) ElifClause(i int) IElifClauseContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IElifClauseContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IElifClauseContext)
}

func (s *IfStmtContext) ElseClause() IElseClauseContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IElseClauseContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IElseClauseContext)
}

func (s *IfStmtContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *IfStmtContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) IfStmt() (localctx IIfStmtContext) {
	localctx = NewIfStmtContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 70, NestmlParserRULE_ifStmt)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(501)
		p.Match(NestmlParserIF_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(502)
		p.expression(0)
	}
	{
		p.SetState(503)
		p.Match(NestmlParserCOLON)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(504)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(505)
		p.Match(NestmlParserINDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(506)
		p.StmtsBody()
	}
	{
		p.SetState(507)
		p.Match(NestmlParserDEDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	p.SetState(511)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	for _la == NestmlParserELIF_KEYWORD {
		{
			p.SetState(508)
			p.ElifClause()
		}

		p.SetState(513)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)
	}
	p.SetState(515)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if _la == NestmlParserELSE_KEYWORD {
		{
			p.SetState(514)
			p.ElseClause()
		}

	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IElifClauseContext is an interface to support dynamic dispatch.
type IElifClauseContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	ELIF_KEYWORD() antlr.TerminalNode
	Expression() IExpressionContext
	COLON() antlr.TerminalNode
	NEWLINE() antlr.TerminalNode
	INDENT() antlr.TerminalNode
	StmtsBody() IStmtsBodyContext
	DEDENT() antlr.TerminalNode

	// IsElifClauseContext differentiates from other interfaces.
	IsElifClauseContext()
}

type ElifClauseContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyElifClauseContext() *ElifClauseContext {
	var p = new(ElifClauseContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_elifClause
	return p
}

func InitEmptyElifClauseContext(p *ElifClauseContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_elifClause
}

func (*ElifClauseContext) IsElifClauseContext() {}

func NewElifClauseContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *ElifClauseContext {
	var p = new(ElifClauseContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_elifClause

	return p
}

func (s *ElifClauseContext) GetParser() antlr.Parser { return s.parser }

func (s *ElifClauseContext) ELIF_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserELIF_KEYWORD, 0)
}

func (s *ElifClauseContext) Expression() IExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *ElifClauseContext) COLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserCOLON, 0)
}

func (s *ElifClauseContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *ElifClauseContext) INDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserINDENT, 0)
}

func (s *ElifClauseContext) StmtsBody() IStmtsBodyContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IStmtsBodyContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IStmtsBodyContext)
}

func (s *ElifClauseContext) DEDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserDEDENT, 0)
}

func (s *ElifClauseContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *ElifClauseContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) ElifClause() (localctx IElifClauseContext) {
	localctx = NewElifClauseContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 72, NestmlParserRULE_elifClause)
	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(517)
		p.Match(NestmlParserELIF_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(518)
		p.expression(0)
	}
	{
		p.SetState(519)
		p.Match(NestmlParserCOLON)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(520)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(521)
		p.Match(NestmlParserINDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(522)
		p.StmtsBody()
	}
	{
		p.SetState(523)
		p.Match(NestmlParserDEDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IElseClauseContext is an interface to support dynamic dispatch.
type IElseClauseContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	ELSE_KEYWORD() antlr.TerminalNode
	COLON() antlr.TerminalNode
	NEWLINE() antlr.TerminalNode
	INDENT() antlr.TerminalNode
	StmtsBody() IStmtsBodyContext
	DEDENT() antlr.TerminalNode

	// IsElseClauseContext differentiates from other interfaces.
	IsElseClauseContext()
}

type ElseClauseContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyElseClauseContext() *ElseClauseContext {
	var p = new(ElseClauseContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_elseClause
	return p
}

func InitEmptyElseClauseContext(p *ElseClauseContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_elseClause
}

func (*ElseClauseContext) IsElseClauseContext() {}

func NewElseClauseContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *ElseClauseContext {
	var p = new(ElseClauseContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_elseClause

	return p
}

func (s *ElseClauseContext) GetParser() antlr.Parser { return s.parser }

func (s *ElseClauseContext) ELSE_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserELSE_KEYWORD, 0)
}

func (s *ElseClauseContext) COLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserCOLON, 0)
}

func (s *ElseClauseContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *ElseClauseContext) INDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserINDENT, 0)
}

func (s *ElseClauseContext) StmtsBody() IStmtsBodyContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IStmtsBodyContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IStmtsBodyContext)
}

func (s *ElseClauseContext) DEDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserDEDENT, 0)
}

func (s *ElseClauseContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *ElseClauseContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) ElseClause() (localctx IElseClauseContext) {
	localctx = NewElseClauseContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 74, NestmlParserRULE_elseClause)
	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(525)
		p.Match(NestmlParserELSE_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(526)
		p.Match(NestmlParserCOLON)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(527)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(528)
		p.Match(NestmlParserINDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(529)
		p.StmtsBody()
	}
	{
		p.SetState(530)
		p.Match(NestmlParserDEDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IForStmtContext is an interface to support dynamic dispatch.
type IForStmtContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// GetVar_ returns the var_ token.
	GetVar_() antlr.Token

	// GetNegative returns the negative token.
	GetNegative() antlr.Token

	// GetStep returns the step token.
	GetStep() antlr.Token

	// SetVar_ sets the var_ token.
	SetVar_(antlr.Token)

	// SetNegative sets the negative token.
	SetNegative(antlr.Token)

	// SetStep sets the step token.
	SetStep(antlr.Token)

	// GetFrom returns the from rule contexts.
	GetFrom() IExpressionContext

	// GetTo returns the to rule contexts.
	GetTo() IExpressionContext

	// SetFrom sets the from rule contexts.
	SetFrom(IExpressionContext)

	// SetTo sets the to rule contexts.
	SetTo(IExpressionContext)

	// Getter signatures
	FOR_KEYWORD() antlr.TerminalNode
	IN_KEYWORD() antlr.TerminalNode
	ELLIPSIS() antlr.TerminalNode
	STEP_KEYWORD() antlr.TerminalNode
	COLON() antlr.TerminalNode
	NEWLINE() antlr.TerminalNode
	INDENT() antlr.TerminalNode
	StmtsBody() IStmtsBodyContext
	DEDENT() antlr.TerminalNode
	NAME() antlr.TerminalNode
	AllExpression() []IExpressionContext
	Expression(i int) IExpressionContext
	UNSIGNED_INTEGER() antlr.TerminalNode
	FLOAT() antlr.TerminalNode
	MINUS() antlr.TerminalNode

	// IsForStmtContext differentiates from other interfaces.
	IsForStmtContext()
}

type ForStmtContext struct {
	antlr.BaseParserRuleContext
	parser   antlr.Parser
	var_     antlr.Token
	from     IExpressionContext
	to       IExpressionContext
	negative antlr.Token
	step     antlr.Token
}

func NewEmptyForStmtContext() *ForStmtContext {
	var p = new(ForStmtContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_forStmt
	return p
}

func InitEmptyForStmtContext(p *ForStmtContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_forStmt
}

func (*ForStmtContext) IsForStmtContext() {}

func NewForStmtContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *ForStmtContext {
	var p = new(ForStmtContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_forStmt

	return p
}

func (s *ForStmtContext) GetParser() antlr.Parser { return s.parser }

func (s *ForStmtContext) GetVar_() antlr.Token { return s.var_ }

func (s *ForStmtContext) GetNegative() antlr.Token { return s.negative }

func (s *ForStmtContext) GetStep() antlr.Token { return s.step }

func (s *ForStmtContext) SetVar_(v antlr.Token) { s.var_ = v }

func (s *ForStmtContext) SetNegative(v antlr.Token) { s.negative = v }

func (s *ForStmtContext) SetStep(v antlr.Token) { s.step = v }

func (s *ForStmtContext) GetFrom() IExpressionContext { return s.from }

func (s *ForStmtContext) GetTo() IExpressionContext { return s.to }

func (s *ForStmtContext) SetFrom(v IExpressionContext) { s.from = v }

func (s *ForStmtContext) SetTo(v IExpressionContext) { s.to = v }

func (s *ForStmtContext) FOR_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserFOR_KEYWORD, 0)
}

func (s *ForStmtContext) IN_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserIN_KEYWORD, 0)
}

func (s *ForStmtContext) ELLIPSIS() antlr.TerminalNode {
	return s.GetToken(NestmlParserELLIPSIS, 0)
}

func (s *ForStmtContext) STEP_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserSTEP_KEYWORD, 0)
}

func (s *ForStmtContext) COLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserCOLON, 0)
}

func (s *ForStmtContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *ForStmtContext) INDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserINDENT, 0)
}

func (s *ForStmtContext) StmtsBody() IStmtsBodyContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IStmtsBodyContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IStmtsBodyContext)
}

func (s *ForStmtContext) DEDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserDEDENT, 0)
}

func (s *ForStmtContext) NAME() antlr.TerminalNode {
	return s.GetToken(NestmlParserNAME, 0)
}

func (s *ForStmtContext) AllExpression() []IExpressionContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IExpressionContext); ok {
			len++
		}
	}

	tst := make([]IExpressionContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IExpressionContext); ok {
			tst[i] = t.(IExpressionContext)
			i++
		}
	}

	return tst
}

func (s *ForStmtContext) Expression(i int) IExpressionContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *ForStmtContext) UNSIGNED_INTEGER() antlr.TerminalNode {
	return s.GetToken(NestmlParserUNSIGNED_INTEGER, 0)
}

func (s *ForStmtContext) FLOAT() antlr.TerminalNode {
	return s.GetToken(NestmlParserFLOAT, 0)
}

func (s *ForStmtContext) MINUS() antlr.TerminalNode {
	return s.GetToken(NestmlParserMINUS, 0)
}

func (s *ForStmtContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *ForStmtContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) ForStmt() (localctx IForStmtContext) {
	localctx = NewForStmtContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 76, NestmlParserRULE_forStmt)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(532)
		p.Match(NestmlParserFOR_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(533)

		var _m = p.Match(NestmlParserNAME)

		localctx.(*ForStmtContext).var_ = _m
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(534)
		p.Match(NestmlParserIN_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(535)

		var _x = p.expression(0)

		localctx.(*ForStmtContext).from = _x
	}
	{
		p.SetState(536)
		p.Match(NestmlParserELLIPSIS)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(537)

		var _x = p.expression(0)

		localctx.(*ForStmtContext).to = _x
	}
	{
		p.SetState(538)
		p.Match(NestmlParserSTEP_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	p.SetState(540)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if _la == NestmlParserMINUS {
		{
			p.SetState(539)

			var _m = p.Match(NestmlParserMINUS)

			localctx.(*ForStmtContext).negative = _m
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	}
	{
		p.SetState(542)

		var _lt = p.GetTokenStream().LT(1)

		localctx.(*ForStmtContext).step = _lt

		_la = p.GetTokenStream().LA(1)

		if !(_la == NestmlParserUNSIGNED_INTEGER || _la == NestmlParserFLOAT) {
			var _ri = p.GetErrorHandler().RecoverInline(p)

			localctx.(*ForStmtContext).step = _ri
		} else {
			p.GetErrorHandler().ReportMatch(p)
			p.Consume()
		}
	}
	{
		p.SetState(543)
		p.Match(NestmlParserCOLON)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(544)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(545)
		p.Match(NestmlParserINDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(546)
		p.StmtsBody()
	}
	{
		p.SetState(547)
		p.Match(NestmlParserDEDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IWhileStmtContext is an interface to support dynamic dispatch.
type IWhileStmtContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	WHILE_KEYWORD() antlr.TerminalNode
	Expression() IExpressionContext
	COLON() antlr.TerminalNode
	NEWLINE() antlr.TerminalNode
	INDENT() antlr.TerminalNode
	StmtsBody() IStmtsBodyContext
	DEDENT() antlr.TerminalNode

	// IsWhileStmtContext differentiates from other interfaces.
	IsWhileStmtContext()
}

type WhileStmtContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyWhileStmtContext() *WhileStmtContext {
	var p = new(WhileStmtContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_whileStmt
	return p
}

func InitEmptyWhileStmtContext(p *WhileStmtContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_whileStmt
}

func (*WhileStmtContext) IsWhileStmtContext() {}

func NewWhileStmtContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *WhileStmtContext {
	var p = new(WhileStmtContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_whileStmt

	return p
}

func (s *WhileStmtContext) GetParser() antlr.Parser { return s.parser }

func (s *WhileStmtContext) WHILE_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserWHILE_KEYWORD, 0)
}

func (s *WhileStmtContext) Expression() IExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *WhileStmtContext) COLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserCOLON, 0)
}

func (s *WhileStmtContext) NEWLINE() antlr.TerminalNode {
	return s.GetToken(NestmlParserNEWLINE, 0)
}

func (s *WhileStmtContext) INDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserINDENT, 0)
}

func (s *WhileStmtContext) StmtsBody() IStmtsBodyContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IStmtsBodyContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IStmtsBodyContext)
}

func (s *WhileStmtContext) DEDENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserDEDENT, 0)
}

func (s *WhileStmtContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *WhileStmtContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) WhileStmt() (localctx IWhileStmtContext) {
	localctx = NewWhileStmtContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 78, NestmlParserRULE_whileStmt)
	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(549)
		p.Match(NestmlParserWHILE_KEYWORD)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(550)
		p.expression(0)
	}
	{
		p.SetState(551)
		p.Match(NestmlParserCOLON)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(552)
		p.Match(NestmlParserNEWLINE)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(553)
		p.Match(NestmlParserINDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(554)
		p.StmtsBody()
	}
	{
		p.SetState(555)
		p.Match(NestmlParserDEDENT)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IExpressionContext is an interface to support dynamic dispatch.
type IExpressionContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser
	// IsExpressionContext differentiates from other interfaces.
	IsExpressionContext()
}

type ExpressionContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyExpressionContext() *ExpressionContext {
	var p = new(ExpressionContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_expression
	return p
}

func InitEmptyExpressionContext(p *ExpressionContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_expression
}

func (*ExpressionContext) IsExpressionContext() {}

func NewExpressionContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *ExpressionContext {
	var p = new(ExpressionContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_expression

	return p
}

func (s *ExpressionContext) GetParser() antlr.Parser { return s.parser }

func (s *ExpressionContext) CopyAll(ctx *ExpressionContext) {
	s.CopyFrom(&ctx.BaseParserRuleContext)
}

func (s *ExpressionContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *ExpressionContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

type BitExprContext struct {
	ExpressionContext
	left  IExpressionContext
	op    antlr.Token
	right IExpressionContext
}

func NewBitExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *BitExprContext {
	var p = new(BitExprContext)

	InitEmptyExpressionContext(&p.ExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*ExpressionContext))

	return p
}

func (s *BitExprContext) GetOp() antlr.Token { return s.op }

func (s *BitExprContext) SetOp(v antlr.Token) { s.op = v }

func (s *BitExprContext) GetLeft() IExpressionContext { return s.left }

func (s *BitExprContext) GetRight() IExpressionContext { return s.right }

func (s *BitExprContext) SetLeft(v IExpressionContext) { s.left = v }

func (s *BitExprContext) SetRight(v IExpressionContext) { s.right = v }

func (s *BitExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *BitExprContext) AllExpression() []IExpressionContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IExpressionContext); ok {
			len++
		}
	}

	tst := make([]IExpressionContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IExpressionContext); ok {
			tst[i] = t.(IExpressionContext)
			i++
		}
	}

	return tst
}

func (s *BitExprContext) Expression(i int) IExpressionContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *BitExprContext) AMPERSAND() antlr.TerminalNode {
	return s.GetToken(NestmlParserAMPERSAND, 0)
}

func (s *BitExprContext) CARET() antlr.TerminalNode {
	return s.GetToken(NestmlParserCARET, 0)
}

func (s *BitExprContext) PIPE() antlr.TerminalNode {
	return s.GetToken(NestmlParserPIPE, 0)
}

func (s *BitExprContext) LEFT_LEFT_ANGLE() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_LEFT_ANGLE, 0)
}

func (s *BitExprContext) RIGHT_RIGHT_ANGLE() antlr.TerminalNode {
	return s.GetToken(NestmlParserRIGHT_RIGHT_ANGLE, 0)
}

type SimpleExprContext struct {
	ExpressionContext
}

func NewSimpleExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *SimpleExprContext {
	var p = new(SimpleExprContext)

	InitEmptyExpressionContext(&p.ExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*ExpressionContext))

	return p
}

func (s *SimpleExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *SimpleExprContext) SimpleExpression() ISimpleExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(ISimpleExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(ISimpleExpressionContext)
}

type UnaryExprContext struct {
	ExpressionContext
	op      antlr.Token
	operand IExpressionContext
}

func NewUnaryExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *UnaryExprContext {
	var p = new(UnaryExprContext)

	InitEmptyExpressionContext(&p.ExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*ExpressionContext))

	return p
}

func (s *UnaryExprContext) GetOp() antlr.Token { return s.op }

func (s *UnaryExprContext) SetOp(v antlr.Token) { s.op = v }

func (s *UnaryExprContext) GetOperand() IExpressionContext { return s.operand }

func (s *UnaryExprContext) SetOperand(v IExpressionContext) { s.operand = v }

func (s *UnaryExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *UnaryExprContext) Expression() IExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *UnaryExprContext) PLUS() antlr.TerminalNode {
	return s.GetToken(NestmlParserPLUS, 0)
}

func (s *UnaryExprContext) MINUS() antlr.TerminalNode {
	return s.GetToken(NestmlParserMINUS, 0)
}

func (s *UnaryExprContext) TILDE() antlr.TerminalNode {
	return s.GetToken(NestmlParserTILDE, 0)
}

type NotExprContext struct {
	ExpressionContext
	op      antlr.Token
	operand IExpressionContext
}

func NewNotExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *NotExprContext {
	var p = new(NotExprContext)

	InitEmptyExpressionContext(&p.ExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*ExpressionContext))

	return p
}

func (s *NotExprContext) GetOp() antlr.Token { return s.op }

func (s *NotExprContext) SetOp(v antlr.Token) { s.op = v }

func (s *NotExprContext) GetOperand() IExpressionContext { return s.operand }

func (s *NotExprContext) SetOperand(v IExpressionContext) { s.operand = v }

func (s *NotExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *NotExprContext) NOT_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserNOT_KEYWORD, 0)
}

func (s *NotExprContext) Expression() IExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

type PowerExprContext struct {
	ExpressionContext
	left  IExpressionContext
	op    antlr.Token
	right IExpressionContext
}

func NewPowerExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *PowerExprContext {
	var p = new(PowerExprContext)

	InitEmptyExpressionContext(&p.ExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*ExpressionContext))

	return p
}

func (s *PowerExprContext) GetOp() antlr.Token { return s.op }

func (s *PowerExprContext) SetOp(v antlr.Token) { s.op = v }

func (s *PowerExprContext) GetLeft() IExpressionContext { return s.left }

func (s *PowerExprContext) GetRight() IExpressionContext { return s.right }

func (s *PowerExprContext) SetLeft(v IExpressionContext) { s.left = v }

func (s *PowerExprContext) SetRight(v IExpressionContext) { s.right = v }

func (s *PowerExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *PowerExprContext) AllExpression() []IExpressionContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IExpressionContext); ok {
			len++
		}
	}

	tst := make([]IExpressionContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IExpressionContext); ok {
			tst[i] = t.(IExpressionContext)
			i++
		}
	}

	return tst
}

func (s *PowerExprContext) Expression(i int) IExpressionContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *PowerExprContext) STAR_STAR() antlr.TerminalNode {
	return s.GetToken(NestmlParserSTAR_STAR, 0)
}

type TernaryExprContext struct {
	ExpressionContext
	cond    IExpressionContext
	ifTrue  IExpressionContext
	ifFalse IExpressionContext
}

func NewTernaryExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *TernaryExprContext {
	var p = new(TernaryExprContext)

	InitEmptyExpressionContext(&p.ExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*ExpressionContext))

	return p
}

func (s *TernaryExprContext) GetCond() IExpressionContext { return s.cond }

func (s *TernaryExprContext) GetIfTrue() IExpressionContext { return s.ifTrue }

func (s *TernaryExprContext) GetIfFalse() IExpressionContext { return s.ifFalse }

func (s *TernaryExprContext) SetCond(v IExpressionContext) { s.cond = v }

func (s *TernaryExprContext) SetIfTrue(v IExpressionContext) { s.ifTrue = v }

func (s *TernaryExprContext) SetIfFalse(v IExpressionContext) { s.ifFalse = v }

func (s *TernaryExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *TernaryExprContext) QUESTION() antlr.TerminalNode {
	return s.GetToken(NestmlParserQUESTION, 0)
}

func (s *TernaryExprContext) COLON() antlr.TerminalNode {
	return s.GetToken(NestmlParserCOLON, 0)
}

func (s *TernaryExprContext) AllExpression() []IExpressionContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IExpressionContext); ok {
			len++
		}
	}

	tst := make([]IExpressionContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IExpressionContext); ok {
			tst[i] = t.(IExpressionContext)
			i++
		}
	}

	return tst
}

func (s *TernaryExprContext) Expression(i int) IExpressionContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

type AddExprContext struct {
	ExpressionContext
	left  IExpressionContext
	op    antlr.Token
	right IExpressionContext
}

func NewAddExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *AddExprContext {
	var p = new(AddExprContext)

	InitEmptyExpressionContext(&p.ExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*ExpressionContext))

	return p
}

func (s *AddExprContext) GetOp() antlr.Token { return s.op }

func (s *AddExprContext) SetOp(v antlr.Token) { s.op = v }

func (s *AddExprContext) GetLeft() IExpressionContext { return s.left }

func (s *AddExprContext) GetRight() IExpressionContext { return s.right }

func (s *AddExprContext) SetLeft(v IExpressionContext) { s.left = v }

func (s *AddExprContext) SetRight(v IExpressionContext) { s.right = v }

func (s *AddExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *AddExprContext) AllExpression() []IExpressionContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IExpressionContext); ok {
			len++
		}
	}

	tst := make([]IExpressionContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IExpressionContext); ok {
			tst[i] = t.(IExpressionContext)
			i++
		}
	}

	return tst
}

func (s *AddExprContext) Expression(i int) IExpressionContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *AddExprContext) PLUS() antlr.TerminalNode {
	return s.GetToken(NestmlParserPLUS, 0)
}

func (s *AddExprContext) MINUS() antlr.TerminalNode {
	return s.GetToken(NestmlParserMINUS, 0)
}

type CompExprContext struct {
	ExpressionContext
	left  IExpressionContext
	op    antlr.Token
	right IExpressionContext
}

func NewCompExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *CompExprContext {
	var p = new(CompExprContext)

	InitEmptyExpressionContext(&p.ExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*ExpressionContext))

	return p
}

func (s *CompExprContext) GetOp() antlr.Token { return s.op }

func (s *CompExprContext) SetOp(v antlr.Token) { s.op = v }

func (s *CompExprContext) GetLeft() IExpressionContext { return s.left }

func (s *CompExprContext) GetRight() IExpressionContext { return s.right }

func (s *CompExprContext) SetLeft(v IExpressionContext) { s.left = v }

func (s *CompExprContext) SetRight(v IExpressionContext) { s.right = v }

func (s *CompExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *CompExprContext) AllExpression() []IExpressionContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IExpressionContext); ok {
			len++
		}
	}

	tst := make([]IExpressionContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IExpressionContext); ok {
			tst[i] = t.(IExpressionContext)
			i++
		}
	}

	return tst
}

func (s *CompExprContext) Expression(i int) IExpressionContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *CompExprContext) LEFT_ANGLE() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_ANGLE, 0)
}

func (s *CompExprContext) LEFT_ANGLE_EQUALS() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_ANGLE_EQUALS, 0)
}

func (s *CompExprContext) EQUALS_EQUALS() antlr.TerminalNode {
	return s.GetToken(NestmlParserEQUALS_EQUALS, 0)
}

func (s *CompExprContext) EXCLAMATION_EQUALS() antlr.TerminalNode {
	return s.GetToken(NestmlParserEXCLAMATION_EQUALS, 0)
}

func (s *CompExprContext) LEFT_ANGLE_RIGHT_ANGLE() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_ANGLE_RIGHT_ANGLE, 0)
}

func (s *CompExprContext) RIGHT_ANGLE_EQUALS() antlr.TerminalNode {
	return s.GetToken(NestmlParserRIGHT_ANGLE_EQUALS, 0)
}

func (s *CompExprContext) RIGHT_ANGLE() antlr.TerminalNode {
	return s.GetToken(NestmlParserRIGHT_ANGLE, 0)
}

type LogicExprContext struct {
	ExpressionContext
	left  IExpressionContext
	op    antlr.Token
	right IExpressionContext
}

func NewLogicExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *LogicExprContext {
	var p = new(LogicExprContext)

	InitEmptyExpressionContext(&p.ExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*ExpressionContext))

	return p
}

func (s *LogicExprContext) GetOp() antlr.Token { return s.op }

func (s *LogicExprContext) SetOp(v antlr.Token) { s.op = v }

func (s *LogicExprContext) GetLeft() IExpressionContext { return s.left }

func (s *LogicExprContext) GetRight() IExpressionContext { return s.right }

func (s *LogicExprContext) SetLeft(v IExpressionContext) { s.left = v }

func (s *LogicExprContext) SetRight(v IExpressionContext) { s.right = v }

func (s *LogicExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *LogicExprContext) AllExpression() []IExpressionContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IExpressionContext); ok {
			len++
		}
	}

	tst := make([]IExpressionContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IExpressionContext); ok {
			tst[i] = t.(IExpressionContext)
			i++
		}
	}

	return tst
}

func (s *LogicExprContext) Expression(i int) IExpressionContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *LogicExprContext) AND_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserAND_KEYWORD, 0)
}

func (s *LogicExprContext) OR_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserOR_KEYWORD, 0)
}

type MulExprContext struct {
	ExpressionContext
	left  IExpressionContext
	op    antlr.Token
	right IExpressionContext
}

func NewMulExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *MulExprContext {
	var p = new(MulExprContext)

	InitEmptyExpressionContext(&p.ExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*ExpressionContext))

	return p
}

func (s *MulExprContext) GetOp() antlr.Token { return s.op }

func (s *MulExprContext) SetOp(v antlr.Token) { s.op = v }

func (s *MulExprContext) GetLeft() IExpressionContext { return s.left }

func (s *MulExprContext) GetRight() IExpressionContext { return s.right }

func (s *MulExprContext) SetLeft(v IExpressionContext) { s.left = v }

func (s *MulExprContext) SetRight(v IExpressionContext) { s.right = v }

func (s *MulExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *MulExprContext) AllExpression() []IExpressionContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IExpressionContext); ok {
			len++
		}
	}

	tst := make([]IExpressionContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IExpressionContext); ok {
			tst[i] = t.(IExpressionContext)
			i++
		}
	}

	return tst
}

func (s *MulExprContext) Expression(i int) IExpressionContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *MulExprContext) STAR() antlr.TerminalNode {
	return s.GetToken(NestmlParserSTAR, 0)
}

func (s *MulExprContext) FORWARD_SLASH() antlr.TerminalNode {
	return s.GetToken(NestmlParserFORWARD_SLASH, 0)
}

func (s *MulExprContext) DOUBLE_FORWARD_SLASH() antlr.TerminalNode {
	return s.GetToken(NestmlParserDOUBLE_FORWARD_SLASH, 0)
}

func (s *MulExprContext) PERCENT() antlr.TerminalNode {
	return s.GetToken(NestmlParserPERCENT, 0)
}

type ParenExprContext struct {
	ExpressionContext
	inner IExpressionContext
}

func NewParenExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *ParenExprContext {
	var p = new(ParenExprContext)

	InitEmptyExpressionContext(&p.ExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*ExpressionContext))

	return p
}

func (s *ParenExprContext) GetInner() IExpressionContext { return s.inner }

func (s *ParenExprContext) SetInner(v IExpressionContext) { s.inner = v }

func (s *ParenExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *ParenExprContext) LEFT_PAREN() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_PAREN, 0)
}

func (s *ParenExprContext) RIGHT_PAREN() antlr.TerminalNode {
	return s.GetToken(NestmlParserRIGHT_PAREN, 0)
}

func (s *ParenExprContext) Expression() IExpressionContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (p *NestmlParser) Expression() (localctx IExpressionContext) {
	return p.expression(0)
}

func (p *NestmlParser) expression(_p int) (localctx IExpressionContext) {
	var _parentctx antlr.ParserRuleContext = p.GetParserRuleContext()

	_parentState := p.GetState()
	localctx = NewExpressionContext(p, p.GetParserRuleContext(), _parentState)
	var _prevctx IExpressionContext = localctx
	var _ antlr.ParserRuleContext = _prevctx // TODO: To prevent unused variable warning.
	_startState := 80
	p.EnterRecursionRule(localctx, 80, NestmlParserRULE_expression, _p)
	var _la int

	var _alt int

	p.EnterOuterAlt(localctx, 1)
	p.SetState(567)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}

	switch p.GetTokenStream().LA(1) {
	case NestmlParserLEFT_PAREN:
		localctx = NewParenExprContext(p, localctx)
		p.SetParserRuleContext(localctx)
		_prevctx = localctx

		{
			p.SetState(558)
			p.Match(NestmlParserLEFT_PAREN)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(559)

			var _x = p.expression(0)

			localctx.(*ParenExprContext).inner = _x
		}
		{
			p.SetState(560)
			p.Match(NestmlParserRIGHT_PAREN)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	case NestmlParserPLUS, NestmlParserMINUS, NestmlParserTILDE:
		localctx = NewUnaryExprContext(p, localctx)
		p.SetParserRuleContext(localctx)
		_prevctx = localctx
		{
			p.SetState(562)

			var _lt = p.GetTokenStream().LT(1)

			localctx.(*UnaryExprContext).op = _lt

			_la = p.GetTokenStream().LA(1)

			if !((int64(_la) & ^0x3f) == 0 && ((int64(1)<<_la)&73746443898191872) != 0) {
				var _ri = p.GetErrorHandler().RecoverInline(p)

				localctx.(*UnaryExprContext).op = _ri
			} else {
				p.GetErrorHandler().ReportMatch(p)
				p.Consume()
			}
		}
		{
			p.SetState(563)

			var _x = p.expression(9)

			localctx.(*UnaryExprContext).operand = _x
		}

	case NestmlParserNOT_KEYWORD:
		localctx = NewNotExprContext(p, localctx)
		p.SetParserRuleContext(localctx)
		_prevctx = localctx
		{
			p.SetState(564)

			var _m = p.Match(NestmlParserNOT_KEYWORD)

			localctx.(*NotExprContext).op = _m
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}
		{
			p.SetState(565)

			var _x = p.expression(4)

			localctx.(*NotExprContext).operand = _x
		}

	case NestmlParserINF_KEYWORD, NestmlParserBOOLEAN_LITERAL, NestmlParserSTRING_LITERAL, NestmlParserNAME, NestmlParserUNSIGNED_INTEGER, NestmlParserFLOAT:
		localctx = NewSimpleExprContext(p, localctx)
		p.SetParserRuleContext(localctx)
		_prevctx = localctx
		{
			p.SetState(566)
			p.SimpleExpression()
		}

	default:
		p.SetError(antlr.NewNoViableAltException(p, nil, nil, nil, nil, nil))
		goto errorExit
	}
	p.GetParserRuleContext().SetStop(p.GetTokenStream().LT(-1))
	p.SetState(595)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_alt = p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 60, p.GetParserRuleContext())
	if p.HasError() {
		goto errorExit
	}
	for _alt != 2 && _alt != antlr.ATNInvalidAltNumber {
		if _alt == 1 {
			if p.GetParseListeners() != nil {
				p.TriggerExitRuleEvent()
			}
			_prevctx = localctx
			p.SetState(593)
			p.GetErrorHandler().Sync(p)
			if p.HasError() {
				goto errorExit
			}

			switch p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 59, p.GetParserRuleContext()) {
			case 1:
				localctx = NewPowerExprContext(p, NewExpressionContext(p, _parentctx, _parentState))
				localctx.(*PowerExprContext).left = _prevctx

				p.PushNewRecursionContext(localctx, _startState, NestmlParserRULE_expression)
				p.SetState(569)

				if !(p.Precpred(p.GetParserRuleContext(), 10)) {
					p.SetError(antlr.NewFailedPredicateException(p, "p.Precpred(p.GetParserRuleContext(), 10)", ""))
					goto errorExit
				}
				{
					p.SetState(570)

					var _m = p.Match(NestmlParserSTAR_STAR)

					localctx.(*PowerExprContext).op = _m
					if p.HasError() {
						// Recognition error - abort rule
						goto errorExit
					}
				}
				{
					p.SetState(571)

					var _x = p.expression(10)

					localctx.(*PowerExprContext).right = _x
				}

			case 2:
				localctx = NewMulExprContext(p, NewExpressionContext(p, _parentctx, _parentState))
				localctx.(*MulExprContext).left = _prevctx

				p.PushNewRecursionContext(localctx, _startState, NestmlParserRULE_expression)
				p.SetState(572)

				if !(p.Precpred(p.GetParserRuleContext(), 8)) {
					p.SetError(antlr.NewFailedPredicateException(p, "p.Precpred(p.GetParserRuleContext(), 8)", ""))
					goto errorExit
				}
				{
					p.SetState(573)

					var _lt = p.GetTokenStream().LT(1)

					localctx.(*MulExprContext).op = _lt

					_la = p.GetTokenStream().LA(1)

					if !((int64(_la) & ^0x3f) == 0 && ((int64(1)<<_la)&65302194596872192) != 0) {
						var _ri = p.GetErrorHandler().RecoverInline(p)

						localctx.(*MulExprContext).op = _ri
					} else {
						p.GetErrorHandler().ReportMatch(p)
						p.Consume()
					}
				}
				{
					p.SetState(574)

					var _x = p.expression(9)

					localctx.(*MulExprContext).right = _x
				}

			case 3:
				localctx = NewAddExprContext(p, NewExpressionContext(p, _parentctx, _parentState))
				localctx.(*AddExprContext).left = _prevctx

				p.PushNewRecursionContext(localctx, _startState, NestmlParserRULE_expression)
				p.SetState(575)

				if !(p.Precpred(p.GetParserRuleContext(), 7)) {
					p.SetError(antlr.NewFailedPredicateException(p, "p.Precpred(p.GetParserRuleContext(), 7)", ""))
					goto errorExit
				}
				{
					p.SetState(576)

					var _lt = p.GetTokenStream().LT(1)

					localctx.(*AddExprContext).op = _lt

					_la = p.GetTokenStream().LA(1)

					if !(_la == NestmlParserPLUS || _la == NestmlParserMINUS) {
						var _ri = p.GetErrorHandler().RecoverInline(p)

						localctx.(*AddExprContext).op = _ri
					} else {
						p.GetErrorHandler().ReportMatch(p)
						p.Consume()
					}
				}
				{
					p.SetState(577)

					var _x = p.expression(8)

					localctx.(*AddExprContext).right = _x
				}

			case 4:
				localctx = NewBitExprContext(p, NewExpressionContext(p, _parentctx, _parentState))
				localctx.(*BitExprContext).left = _prevctx

				p.PushNewRecursionContext(localctx, _startState, NestmlParserRULE_expression)
				p.SetState(578)

				if !(p.Precpred(p.GetParserRuleContext(), 6)) {
					p.SetError(antlr.NewFailedPredicateException(p, "p.Precpred(p.GetParserRuleContext(), 6)", ""))
					goto errorExit
				}
				{
					p.SetState(579)

					var _lt = p.GetTokenStream().LT(1)

					localctx.(*BitExprContext).op = _lt

					_la = p.GetTokenStream().LA(1)

					if !((int64(_la) & ^0x3f) == 0 && ((int64(1)<<_la)&4467570830351532032) != 0) {
						var _ri = p.GetErrorHandler().RecoverInline(p)

						localctx.(*BitExprContext).op = _ri
					} else {
						p.GetErrorHandler().ReportMatch(p)
						p.Consume()
					}
				}
				{
					p.SetState(580)

					var _x = p.expression(7)

					localctx.(*BitExprContext).right = _x
				}

			case 5:
				localctx = NewCompExprContext(p, NewExpressionContext(p, _parentctx, _parentState))
				localctx.(*CompExprContext).left = _prevctx

				p.PushNewRecursionContext(localctx, _startState, NestmlParserRULE_expression)
				p.SetState(581)

				if !(p.Precpred(p.GetParserRuleContext(), 5)) {
					p.SetError(antlr.NewFailedPredicateException(p, "p.Precpred(p.GetParserRuleContext(), 5)", ""))
					goto errorExit
				}
				{
					p.SetState(582)

					var _lt = p.GetTokenStream().LT(1)

					localctx.(*CompExprContext).op = _lt

					_la = p.GetTokenStream().LA(1)

					if !((int64((_la-67)) & ^0x3f) == 0 && ((int64(1)<<(_la-67))&127) != 0) {
						var _ri = p.GetErrorHandler().RecoverInline(p)

						localctx.(*CompExprContext).op = _ri
					} else {
						p.GetErrorHandler().ReportMatch(p)
						p.Consume()
					}
				}
				{
					p.SetState(583)

					var _x = p.expression(6)

					localctx.(*CompExprContext).right = _x
				}

			case 6:
				localctx = NewLogicExprContext(p, NewExpressionContext(p, _parentctx, _parentState))
				localctx.(*LogicExprContext).left = _prevctx

				p.PushNewRecursionContext(localctx, _startState, NestmlParserRULE_expression)
				p.SetState(584)

				if !(p.Precpred(p.GetParserRuleContext(), 3)) {
					p.SetError(antlr.NewFailedPredicateException(p, "p.Precpred(p.GetParserRuleContext(), 3)", ""))
					goto errorExit
				}
				{
					p.SetState(585)

					var _lt = p.GetTokenStream().LT(1)

					localctx.(*LogicExprContext).op = _lt

					_la = p.GetTokenStream().LA(1)

					if !(_la == NestmlParserAND_KEYWORD || _la == NestmlParserOR_KEYWORD) {
						var _ri = p.GetErrorHandler().RecoverInline(p)

						localctx.(*LogicExprContext).op = _ri
					} else {
						p.GetErrorHandler().ReportMatch(p)
						p.Consume()
					}
				}
				{
					p.SetState(586)

					var _x = p.expression(4)

					localctx.(*LogicExprContext).right = _x
				}

			case 7:
				localctx = NewTernaryExprContext(p, NewExpressionContext(p, _parentctx, _parentState))
				localctx.(*TernaryExprContext).cond = _prevctx

				p.PushNewRecursionContext(localctx, _startState, NestmlParserRULE_expression)
				p.SetState(587)

				if !(p.Precpred(p.GetParserRuleContext(), 2)) {
					p.SetError(antlr.NewFailedPredicateException(p, "p.Precpred(p.GetParserRuleContext(), 2)", ""))
					goto errorExit
				}
				{
					p.SetState(588)
					p.Match(NestmlParserQUESTION)
					if p.HasError() {
						// Recognition error - abort rule
						goto errorExit
					}
				}
				{
					p.SetState(589)

					var _x = p.expression(0)

					localctx.(*TernaryExprContext).ifTrue = _x
				}
				{
					p.SetState(590)
					p.Match(NestmlParserCOLON)
					if p.HasError() {
						// Recognition error - abort rule
						goto errorExit
					}
				}
				{
					p.SetState(591)

					var _x = p.expression(3)

					localctx.(*TernaryExprContext).ifFalse = _x
				}

			case antlr.ATNInvalidAltNumber:
				goto errorExit
			}

		}
		p.SetState(597)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_alt = p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 60, p.GetParserRuleContext())
		if p.HasError() {
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.UnrollRecursionContexts(_parentctx)
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// ISimpleExpressionContext is an interface to support dynamic dispatch.
type ISimpleExpressionContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser
	// IsSimpleExpressionContext differentiates from other interfaces.
	IsSimpleExpressionContext()
}

type SimpleExpressionContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptySimpleExpressionContext() *SimpleExpressionContext {
	var p = new(SimpleExpressionContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_simpleExpression
	return p
}

func InitEmptySimpleExpressionContext(p *SimpleExpressionContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_simpleExpression
}

func (*SimpleExpressionContext) IsSimpleExpressionContext() {}

func NewSimpleExpressionContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *SimpleExpressionContext {
	var p = new(SimpleExpressionContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_simpleExpression

	return p
}

func (s *SimpleExpressionContext) GetParser() antlr.Parser { return s.parser }

func (s *SimpleExpressionContext) CopyAll(ctx *SimpleExpressionContext) {
	s.CopyFrom(&ctx.BaseParserRuleContext)
}

func (s *SimpleExpressionContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *SimpleExpressionContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

type StringExprContext struct {
	SimpleExpressionContext
}

func NewStringExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *StringExprContext {
	var p = new(StringExprContext)

	InitEmptySimpleExpressionContext(&p.SimpleExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*SimpleExpressionContext))

	return p
}

func (s *StringExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *StringExprContext) STRING_LITERAL() antlr.TerminalNode {
	return s.GetToken(NestmlParserSTRING_LITERAL, 0)
}

type VariableExprContext struct {
	SimpleExpressionContext
}

func NewVariableExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *VariableExprContext {
	var p = new(VariableExprContext)

	InitEmptySimpleExpressionContext(&p.SimpleExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*SimpleExpressionContext))

	return p
}

func (s *VariableExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *VariableExprContext) Variable() IVariableContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IVariableContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IVariableContext)
}

type NumberExprContext struct {
	SimpleExpressionContext
	number antlr.Token
}

func NewNumberExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *NumberExprContext {
	var p = new(NumberExprContext)

	InitEmptySimpleExpressionContext(&p.SimpleExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*SimpleExpressionContext))

	return p
}

func (s *NumberExprContext) GetNumber() antlr.Token { return s.number }

func (s *NumberExprContext) SetNumber(v antlr.Token) { s.number = v }

func (s *NumberExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *NumberExprContext) UNSIGNED_INTEGER() antlr.TerminalNode {
	return s.GetToken(NestmlParserUNSIGNED_INTEGER, 0)
}

func (s *NumberExprContext) FLOAT() antlr.TerminalNode {
	return s.GetToken(NestmlParserFLOAT, 0)
}

func (s *NumberExprContext) LiteralUnit() ILiteralUnitContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(ILiteralUnitContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(ILiteralUnitContext)
}

type InfExprContext struct {
	SimpleExpressionContext
}

func NewInfExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *InfExprContext {
	var p = new(InfExprContext)

	InitEmptySimpleExpressionContext(&p.SimpleExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*SimpleExpressionContext))

	return p
}

func (s *InfExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *InfExprContext) INF_KEYWORD() antlr.TerminalNode {
	return s.GetToken(NestmlParserINF_KEYWORD, 0)
}

type CallExprContext struct {
	SimpleExpressionContext
}

func NewCallExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *CallExprContext {
	var p = new(CallExprContext)

	InitEmptySimpleExpressionContext(&p.SimpleExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*SimpleExpressionContext))

	return p
}

func (s *CallExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *CallExprContext) FunctionCall() IFunctionCallContext {
	var t antlr.RuleContext
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IFunctionCallContext); ok {
			t = ctx.(antlr.RuleContext)
			break
		}
	}

	if t == nil {
		return nil
	}

	return t.(IFunctionCallContext)
}

type BoolExprContext struct {
	SimpleExpressionContext
}

func NewBoolExprContext(parser antlr.Parser, ctx antlr.ParserRuleContext) *BoolExprContext {
	var p = new(BoolExprContext)

	InitEmptySimpleExpressionContext(&p.SimpleExpressionContext)
	p.parser = parser
	p.CopyAll(ctx.(*SimpleExpressionContext))

	return p
}

func (s *BoolExprContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *BoolExprContext) BOOLEAN_LITERAL() antlr.TerminalNode {
	return s.GetToken(NestmlParserBOOLEAN_LITERAL, 0)
}

func (p *NestmlParser) SimpleExpression() (localctx ISimpleExpressionContext) {
	localctx = NewSimpleExpressionContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 82, NestmlParserRULE_simpleExpression)
	var _la int

	p.SetState(607)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}

	switch p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 62, p.GetParserRuleContext()) {
	case 1:
		localctx = NewCallExprContext(p, localctx)
		p.EnterOuterAlt(localctx, 1)
		{
			p.SetState(598)
			p.FunctionCall()
		}

	case 2:
		localctx = NewBoolExprContext(p, localctx)
		p.EnterOuterAlt(localctx, 2)
		{
			p.SetState(599)
			p.Match(NestmlParserBOOLEAN_LITERAL)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	case 3:
		localctx = NewNumberExprContext(p, localctx)
		p.EnterOuterAlt(localctx, 3)
		{
			p.SetState(600)

			var _lt = p.GetTokenStream().LT(1)

			localctx.(*NumberExprContext).number = _lt

			_la = p.GetTokenStream().LA(1)

			if !(_la == NestmlParserUNSIGNED_INTEGER || _la == NestmlParserFLOAT) {
				var _ri = p.GetErrorHandler().RecoverInline(p)

				localctx.(*NumberExprContext).number = _ri
			} else {
				p.GetErrorHandler().ReportMatch(p)
				p.Consume()
			}
		}
		p.SetState(602)
		p.GetErrorHandler().Sync(p)

		if p.GetInterpreter().AdaptivePredict(p.BaseParser, p.GetTokenStream(), 61, p.GetParserRuleContext()) == 1 {
			{
				p.SetState(601)
				p.literalUnit(0)
			}

		} else if p.HasError() { // JIM
			goto errorExit
		}

	case 4:
		localctx = NewStringExprContext(p, localctx)
		p.EnterOuterAlt(localctx, 4)
		{
			p.SetState(604)
			p.Match(NestmlParserSTRING_LITERAL)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	case 5:
		localctx = NewInfExprContext(p, localctx)
		p.EnterOuterAlt(localctx, 5)
		{
			p.SetState(605)
			p.Match(NestmlParserINF_KEYWORD)
			if p.HasError() {
				// Recognition error - abort rule
				goto errorExit
			}
		}

	case 6:
		localctx = NewVariableExprContext(p, localctx)
		p.EnterOuterAlt(localctx, 6)
		{
			p.SetState(606)
			p.Variable()
		}

	case antlr.ATNInvalidAltNumber:
		goto errorExit
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

// IFunctionCallContext is an interface to support dynamic dispatch.
type IFunctionCallContext interface {
	antlr.ParserRuleContext

	// GetParser returns the parser.
	GetParser() antlr.Parser

	// Getter signatures
	NAME() antlr.TerminalNode
	LEFT_PAREN() antlr.TerminalNode
	RIGHT_PAREN() antlr.TerminalNode
	AllExpression() []IExpressionContext
	Expression(i int) IExpressionContext
	AllCOMMA() []antlr.TerminalNode
	COMMA(i int) antlr.TerminalNode

	// IsFunctionCallContext differentiates from other interfaces.
	IsFunctionCallContext()
}

type FunctionCallContext struct {
	antlr.BaseParserRuleContext
	parser antlr.Parser
}

func NewEmptyFunctionCallContext() *FunctionCallContext {
	var p = new(FunctionCallContext)
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_functionCall
	return p
}

func InitEmptyFunctionCallContext(p *FunctionCallContext) {
	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, nil, -1)
	p.RuleIndex = NestmlParserRULE_functionCall
}

func (*FunctionCallContext) IsFunctionCallContext() {}

func NewFunctionCallContext(parser antlr.Parser, parent antlr.ParserRuleContext, invokingState int) *FunctionCallContext {
	var p = new(FunctionCallContext)

	antlr.InitBaseParserRuleContext(&p.BaseParserRuleContext, parent, invokingState)

	p.parser = parser
	p.RuleIndex = NestmlParserRULE_functionCall

	return p
}

func (s *FunctionCallContext) GetParser() antlr.Parser { return s.parser }

func (s *FunctionCallContext) NAME() antlr.TerminalNode {
	return s.GetToken(NestmlParserNAME, 0)
}

func (s *FunctionCallContext) LEFT_PAREN() antlr.TerminalNode {
	return s.GetToken(NestmlParserLEFT_PAREN, 0)
}

func (s *FunctionCallContext) RIGHT_PAREN() antlr.TerminalNode {
	return s.GetToken(NestmlParserRIGHT_PAREN, 0)
}

func (s *FunctionCallContext) AllExpression() []IExpressionContext {
	children := s.GetChildren()
	len := 0
	for _, ctx := range children {
		if _, ok := ctx.(IExpressionContext); ok {
			len++
		}
	}

	tst := make([]IExpressionContext, len)
	i := 0
	for _, ctx := range children {
		if t, ok := ctx.(IExpressionContext); ok {
			tst[i] = t.(IExpressionContext)
			i++
		}
	}

	return tst
}

func (s *FunctionCallContext) Expression(i int) IExpressionContext {
	var t antlr.RuleContext
	j := 0
	for _, ctx := range s.GetChildren() {
		if _, ok := ctx.(IExpressionContext); ok {
			if j == i {
				t = ctx.(antlr.RuleContext)
				break
			}
			j++
		}
	}

	if t == nil {
		return nil
	}

	return t.(IExpressionContext)
}

func (s *FunctionCallContext) AllCOMMA() []antlr.TerminalNode {
	return s.GetTokens(NestmlParserCOMMA)
}

func (s *FunctionCallContext) COMMA(i int) antlr.TerminalNode {
	return s.GetToken(NestmlParserCOMMA, i)
}

func (s *FunctionCallContext) GetRuleContext() antlr.RuleContext {
	return s
}

func (s *FunctionCallContext) ToStringTree(ruleNames []string, recog antlr.Recognizer) string {
	return antlr.TreesStringTree(s, ruleNames, recog)
}

func (p *NestmlParser) FunctionCall() (localctx IFunctionCallContext) {
	localctx = NewFunctionCallContext(p, p.GetParserRuleContext(), p.GetState())
	p.EnterRule(localctx, 84, NestmlParserRULE_functionCall)
	var _la int

	p.EnterOuterAlt(localctx, 1)
	{
		p.SetState(609)
		p.Match(NestmlParserNAME)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	{
		p.SetState(610)
		p.Match(NestmlParserLEFT_PAREN)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}
	p.SetState(619)
	p.GetErrorHandler().Sync(p)
	if p.HasError() {
		goto errorExit
	}
	_la = p.GetTokenStream().LA(1)

	if ((int64(_la) & ^0x3f) == 0 && ((int64(1)<<_la)&73887181462044672) != 0) || ((int64((_la-87)) & ^0x3f) == 0 && ((int64(1)<<(_la-87))&59) != 0) {
		{
			p.SetState(611)
			p.expression(0)
		}
		p.SetState(616)
		p.GetErrorHandler().Sync(p)
		if p.HasError() {
			goto errorExit
		}
		_la = p.GetTokenStream().LA(1)

		for _la == NestmlParserCOMMA {
			{
				p.SetState(612)
				p.Match(NestmlParserCOMMA)
				if p.HasError() {
					// Recognition error - abort rule
					goto errorExit
				}
			}
			{
				p.SetState(613)
				p.expression(0)
			}

			p.SetState(618)
			p.GetErrorHandler().Sync(p)
			if p.HasError() {
				goto errorExit
			}
			_la = p.GetTokenStream().LA(1)
		}

	}
	{
		p.SetState(621)
		p.Match(NestmlParserRIGHT_PAREN)
		if p.HasError() {
			// Recognition error - abort rule
			goto errorExit
		}
	}

errorExit:
	if p.HasError() {
		v := p.GetError()
		localctx.SetException(v)
		p.GetErrorHandler().ReportError(p, v)
		p.GetErrorHandler().Recover(p, v)
		p.SetError(nil)
	}
	p.ExitRule()
	return localctx
	goto errorExit // Trick to prevent compiler error if the label is not used
}

func (p *NestmlParser) Sempred(localctx antlr.RuleContext, ruleIndex, predIndex int) bool {
	switch ruleIndex {
	case 9:
		var t *UnitTypeContext = nil
		if localctx != nil {
			t = localctx.(*UnitTypeContext)
		}
		return p.UnitType_Sempred(t, predIndex)

	case 11:
		var t *LiteralUnitContext = nil
		if localctx != nil {
			t = localctx.(*LiteralUnitContext)
		}
		return p.LiteralUnit_Sempred(t, predIndex)

	case 40:
		var t *ExpressionContext = nil
		if localctx != nil {
			t = localctx.(*ExpressionContext)
		}
		return p.Expression_Sempred(t, predIndex)

	default:
		panic("No predicate with index: " + fmt.Sprint(ruleIndex))
	}
}

func (p *NestmlParser) UnitType_Sempred(localctx antlr.RuleContext, predIndex int) bool {
	switch predIndex {
	case 0:
		return p.Precpred(p.GetParserRuleContext(), 3)

	case 1:
		return p.Precpred(p.GetParserRuleContext(), 4)

	default:
		panic("No predicate with index: " + fmt.Sprint(predIndex))
	}
}

func (p *NestmlParser) LiteralUnit_Sempred(localctx antlr.RuleContext, predIndex int) bool {
	switch predIndex {
	case 2:
		return p.Precpred(p.GetParserRuleContext(), 2)

	case 3:
		return p.unitFactorFollows()

	case 4:
		return p.Precpred(p.GetParserRuleContext(), 3)

	default:
		panic("No predicate with index: " + fmt.Sprint(predIndex))
	}
}

func (p *NestmlParser) Expression_Sempred(localctx antlr.RuleContext, predIndex int) bool {
	switch predIndex {
	case 5:
		return p.Precpred(p.GetParserRuleContext(), 10)

	case 6:
		return p.Precpred(p.GetParserRuleContext(), 8)

	case 7:
		return p.Precpred(p.GetParserRuleContext(), 7)

	case 8:
		return p.Precpred(p.GetParserRuleContext(), 6)

	case 9:
		return p.Precpred(p.GetParserRuleContext(), 5)

	case 10:
		return p.Precpred(p.GetParserRuleContext(), 3)

	case 11:
		return p.Precpred(p.GetParserRuleContext(), 2)

	default:
		panic("No predicate with index: " + fmt.Sprint(predIndex))
	}
}
