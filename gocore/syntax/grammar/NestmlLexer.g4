// NestmlLexer.g4 -- lexical grammar of NESTML for nestml_go, written from
// docs/language.md §3 and Appendix A.
//
// Layout: INDENT and DEDENT are synthetic, and whether a NEWLINE is
// significant (default channel) or belongs to a blank or comment-only line
// (COMMENT channel) is decided by the hand-written Go wrapper in
// gocore/syntax/layout.go (language.md §3.5). This grammar only lexes the raw
// line terminator together with the indentation that follows it.
//
// Characters that match no token are lexed as ERROR_CHAR or
// UNTERMINATED_STRING so that the lexer itself never fails; the wrapper turns
// those tokens into LEXICAL_ERROR diagnostics.

lexer grammar NestmlLexer;

channels { COMMENT }

tokens { INDENT, DEDENT }

// ------------------------------------------------------------------ layout

// A comma immediately followed by a line terminator (and the indentation of
// the next line) is one token (§3.6). Longer than COMMA, so it wins.
KERNEL_JOINING : ',' '\r'? '\n' [ \t]* ;

// Backslash + line terminator joins lines; the indentation of the
// continuation line is discarded with it (§3.3).
LINE_ESCAPE : '\\' '\r'? '\n' [ \t]* -> channel(HIDDEN) ;

// A line terminator plus the run of blanks that starts the next line (§3.5
// step 2). Channel and layout tokens are assigned by the wrapper.
NEWLINE : '\r'? '\n' [ \t]* ;

WS : [ \t]+ -> channel(HIDDEN) ;

SL_COMMENT : '#' ~[\r\n]* -> channel(COMMENT) ;

// ---------------------------------------------------------------- keywords

INTEGER_KEYWORD    : 'integer' ;
REAL_KEYWORD       : 'real' ;
STRING_KEYWORD     : 'string' ;
BOOLEAN_KEYWORD    : 'boolean' ;
VOID_KEYWORD       : 'void' ;
FUNCTION_KEYWORD   : 'function' ;
INLINE_KEYWORD     : 'inline' ;
RETURN_KEYWORD     : 'return' ;
IF_KEYWORD         : 'if' ;
ELIF_KEYWORD       : 'elif' ;
ELSE_KEYWORD       : 'else' ;
FOR_KEYWORD        : 'for' ;
WHILE_KEYWORD      : 'while' ;
IN_KEYWORD         : 'in' ;
STEP_KEYWORD       : 'step' ;
INF_KEYWORD        : 'inf' ;
AND_KEYWORD        : 'and' ;
OR_KEYWORD         : 'or' ;
NOT_KEYWORD        : 'not' ;
RECORDABLE_KEYWORD : 'recordable' ;
KERNEL_KEYWORD     : 'kernel' ;
MODEL_KEYWORD      : 'model' ;
STATE_KEYWORD      : 'state' ;
PARAMETERS_KEYWORD : 'parameters' ;
INTERNALS_KEYWORD  : 'internals' ;
UPDATE_KEYWORD     : 'update' ;
EQUATIONS_KEYWORD  : 'equations' ;
INPUT_KEYWORD      : 'input' ;
OUTPUT_KEYWORD     : 'output' ;
CONTINUOUS_KEYWORD : 'continuous' ;
ON_RECEIVE_KEYWORD : 'onReceive' ;
ON_CONDITION_KEYWORD : 'onCondition' ;
SPIKE_KEYWORD      : 'spike' ;
INHIBITORY_KEYWORD : 'inhibitory' ;
EXCITATORY_KEYWORD : 'excitatory' ;

DECORATOR_HOMOGENEOUS   : '@homogeneous' ;
DECORATOR_HETEROGENEOUS : '@heterogeneous' ;
AT                      : '@' ;

// ------------------------------------------------------------- punctuation

ELLIPSIS             : '...' ;
LEFT_PAREN           : '(' ;
RIGHT_PAREN          : ')' ;
PLUS                 : '+' ;
MINUS                : '-' ;
STAR                 : '*' ;
STAR_STAR            : '**' ;
FORWARD_SLASH        : '/' ;
DOUBLE_FORWARD_SLASH : '//' ;
PERCENT              : '%' ;
TILDE                : '~' ;
PIPE                 : '|' ;
CARET                : '^' ;
AMPERSAND            : '&' ;
LEFT_LEFT_ANGLE      : '<<' ;
RIGHT_RIGHT_ANGLE    : '>>' ;
LEFT_SQUARE_BRACKET  : '[' ;
RIGHT_SQUARE_BRACKET : ']' ;
LEFT_LEFT_SQUARE     : '[[' ;
RIGHT_RIGHT_SQUARE   : ']]' ;
LEFT_ANGLE_MINUS     : '<-' ;
LEFT_ANGLE           : '<' ;
RIGHT_ANGLE          : '>' ;
LEFT_ANGLE_EQUALS    : '<=' ;
RIGHT_ANGLE_EQUALS   : '>=' ;
EQUALS_EQUALS        : '==' ;
EXCLAMATION_EQUALS   : '!=' ;
LEFT_ANGLE_RIGHT_ANGLE : '<>' ;
EQUALS               : '=' ;
PLUS_EQUALS          : '+=' ;
MINUS_EQUALS         : '-=' ;
STAR_EQUALS          : '*=' ;
FORWARD_SLASH_EQUALS : '/=' ;
DOUBLE_FORWARD_SLASH_EQUALS : '//=' ;
COMMA                : ',' ;
COLON                : ':' ;
DOUBLE_COLON         : '::' ;
SEMICOLON            : ';' ;
QUESTION             : '?' ;
FULLSTOP             : '.' ;
DIFFERENTIAL_ORDER   : '\'' ;

// ---------------------------------------------------------------- literals

BOOLEAN_LITERAL : 'true' | 'True' | 'false' | 'False' ;

// A backslash escapes the next character; a backslash followed by blanks
// and a line terminator continues the string on the next line (§3.9).
STRING_LITERAL : '"' STRING_CHAR* '"' ;

// A string that is not closed before the end of the line (lexical error).
UNTERMINATED_STRING : '"' STRING_CHAR* ;

fragment STRING_CHAR
    : ~[\\"\r\n]
    | '\\' [ \t]* '\r'? '\n'
    | '\\' ~[\r\n]
    ;

NAME : [a-zA-Z_$] [a-zA-Z_$0-9]* ;

UNSIGNED_INTEGER : DIGITS ;

FLOAT : POINT_FLOAT | EXPONENT_FLOAT ;

fragment DIGITS : [0-9]+ ;
fragment POINT_FLOAT : DIGITS? '.' DIGITS | DIGITS '.' ;
fragment EXPONENT_FLOAT : ( DIGITS | POINT_FLOAT ) [eE] [+-]? DIGITS ;

// Anything else is a lexical error (§3.11); reported by the wrapper.
ERROR_CHAR : . ;
