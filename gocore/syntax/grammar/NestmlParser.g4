// NestmlParser.g4 -- the NESTML grammar for nestml_go, written from
// docs/language.md §4 and Appendix C (rule for rule; the comments give the
// section of the specification).
//
// INDENT, DEDENT and the significant NEWLINE tokens come from the layout
// wrapper (gocore/syntax/layout.go). The semantic predicate
// unitFactorFollows() is implemented in internal/gen/predicates.go (§4.12).

parser grammar NestmlParser;

options { tokenVocab = NestmlLexer; }

// ------------------------------------------------------------ §4.2 files

// The spec's `{ NEWLINE } model { model | NEWLINE } EOF`, with two
// deliberate relaxations: a file with no model is left to the caller
// (NO_MODEL_IN_FILE instead of a syntax error), and an indented first line
// (§3.5 step 9) puts the models one level deeper, inside INDENT … DEDENT.
compilationUnit
    : NEWLINE* ( INDENT ( model | NEWLINE )* DEDENT )? ( model | NEWLINE )* EOF
    ;

// A lone expression (for ParseExpr and tests), not part of the language.
standaloneExpression
    : expression NEWLINE* EOF
    ;

model
    : MODEL_KEYWORD NAME COLON NEWLINE INDENT modelBodyElement+ DEDENT
    ;

modelBodyElement
    : variableBlock
    | equationsBlock
    | inputBlock
    | outputBlock
    | functionDefinition
    | onReceiveBlock
    | onConditionBlock
    | updateBlock
    ;

// ------------------------------------------ §4.3 variable blocks, declarations

variableBlock
    : blockKind=( STATE_KEYWORD | PARAMETERS_KEYWORD | INTERNALS_KEYWORD ) COLON
      NEWLINE INDENT ( declaration NEWLINE )+ DEDENT
    ;

declaration
    : RECORDABLE_KEYWORD? INLINE_KEYWORD?
      variable ( COMMA variable )*
      dataType
      ( EQUALS init=expression )?
      ( LEFT_LEFT_SQUARE guard=expression RIGHT_RIGHT_SQUARE )?
      decorator*
    ;

variable
    : NAME ( LEFT_SQUARE_BRACKET index=expression RIGHT_SQUARE_BRACKET )? DIFFERENTIAL_ORDER*
    ;

// ---------------------------------------------------------- §4.5 decorators

decorator
    : DECORATOR_HOMOGENEOUS
    | DECORATOR_HETEROGENEOUS
    | AT namespace=NAME DOUBLE_COLON name=NAME
    ;

// ------------------------------------------------- §4.4 data and unit types

dataType
    : INTEGER_KEYWORD
    | REAL_KEYWORD
    | STRING_KEYWORD
    | BOOLEAN_KEYWORD
    | VOID_KEYWORD
    | unitType
    ;

// Alternatives bind in the order listed: ( ), **, * and /, then 1/… which
// takes the whole rest.
unitType
    : LEFT_PAREN inner=unitType RIGHT_PAREN                              # unitParen
    | base=unitType STAR_STAR unitExponent                               # unitPow
    | left=unitType op=( STAR | FORWARD_SLASH ) right=unitType           # unitMulDiv
    | numerator=UNSIGNED_INTEGER FORWARD_SLASH right=unitType            # unitInv
    | NAME                                                               # unitName
    ;

unitExponent
    : sign=( PLUS | MINUS )? value=( UNSIGNED_INTEGER | FLOAT )
    | sign=MINUS? LEFT_PAREN num=UNSIGNED_INTEGER FORWARD_SLASH den=UNSIGNED_INTEGER RIGHT_PAREN
    ;

// The unit part of a numeric literal (§4.12): a copy of unitType without the
// numerator alternative. It continues over * or / only if the next factor is
// a name of the unit vocabulary or a parenthesised unit over such names.
literalUnit
    : LEFT_PAREN inner=literalUnit RIGHT_PAREN                           # litUnitParen
    | base=literalUnit STAR_STAR unitExponent                            # litUnitPow
    | left=literalUnit { p.unitFactorFollows() }? op=( STAR | FORWARD_SLASH ) right=literalUnit # litUnitMulDiv
    | NAME                                                               # litUnitName
    ;

// ---------------------------------------------------------- §4.6 equations

equationsBlock
    : EQUATIONS_KEYWORD COLON NEWLINE INDENT equationElement+ DEDENT
    ;

equationElement
    : inlineExpression
    | odeEquation
    | kernel
    ;

inlineExpression
    : RECORDABLE_KEYWORD? INLINE_KEYWORD NAME dataType EQUALS expression SEMICOLON?
      decorator* NEWLINE
    ;

odeEquation
    : lhs=variable EQUALS rhs=expression SEMICOLON? decorator* NEWLINE
    ;

kernel
    : KERNEL_KEYWORD variable EQUALS expression
      ( KERNEL_JOINING variable EQUALS expression )* SEMICOLON? NEWLINE
    ;

// ------------------------------------------------------ §4.7 input, output

inputBlock
    : INPUT_KEYWORD COLON NEWLINE INDENT inputPort+ DEDENT
    ;

inputPort
    : spikeInputPort
    | continuousInputPort
    ;

spikeInputPort
    : NAME ( LEFT_SQUARE_BRACKET size=expression RIGHT_SQUARE_BRACKET )?
      LEFT_ANGLE_MINUS inputQualifier* SPIKE_KEYWORD NEWLINE
    ;

inputQualifier
    : INHIBITORY_KEYWORD
    | EXCITATORY_KEYWORD
    ;

continuousInputPort
    : NAME ( LEFT_SQUARE_BRACKET size=expression RIGHT_SQUARE_BRACKET )?
      dataType LEFT_ANGLE_MINUS CONTINUOUS_KEYWORD NEWLINE
    ;

outputBlock
    : OUTPUT_KEYWORD COLON NEWLINE INDENT kind=( SPIKE_KEYWORD | CONTINUOUS_KEYWORD ) NEWLINE DEDENT
    ;

// ------------------------------------- §4.8 update, event handlers, functions

updateBlock
    : UPDATE_KEYWORD COLON NEWLINE INDENT stmtsBody DEDENT
    ;

onReceiveBlock
    : ON_RECEIVE_KEYWORD LEFT_PAREN port=NAME ( COMMA constParameter )* RIGHT_PAREN COLON
      NEWLINE INDENT stmtsBody DEDENT
    ;

onConditionBlock
    : ON_CONDITION_KEYWORD LEFT_PAREN cond=expression ( COMMA constParameter )* RIGHT_PAREN COLON
      NEWLINE INDENT stmtsBody DEDENT
    ;

constParameter
    : NAME EQUALS value=( BOOLEAN_LITERAL | UNSIGNED_INTEGER | FLOAT | STRING_LITERAL | INF_KEYWORD )
    ;

functionDefinition
    : FUNCTION_KEYWORD NAME LEFT_PAREN ( parameter ( COMMA parameter )* )? RIGHT_PAREN
      returnType=dataType? COLON NEWLINE INDENT stmtsBody DEDENT
    ;

parameter
    : NAME dataType
    ;

// ---------------------------------------------------------- §4.9 statements

stmtsBody
    : NEWLINE? stmt ( NEWLINE | stmt )*
    ;

stmt
    : smallStmt
    | compoundStmt
    ;

smallStmt
    : ( assignment | functionCall | declaration | returnStmt ) NEWLINE
    ;

assignment
    : lhs=variable op=( EQUALS | PLUS_EQUALS | MINUS_EQUALS | STAR_EQUALS
                      | FORWARD_SLASH_EQUALS | DOUBLE_FORWARD_SLASH_EQUALS ) rhs=expression
    ;

returnStmt
    : RETURN_KEYWORD expression?
    ;

compoundStmt
    : ifStmt
    | forStmt
    | whileStmt
    ;

ifStmt
    : IF_KEYWORD expression COLON NEWLINE INDENT stmtsBody DEDENT
      elifClause* elseClause?
    ;

elifClause
    : ELIF_KEYWORD expression COLON NEWLINE INDENT stmtsBody DEDENT
    ;

elseClause
    : ELSE_KEYWORD COLON NEWLINE INDENT stmtsBody DEDENT
    ;

forStmt
    : FOR_KEYWORD var=NAME IN_KEYWORD from=expression ELLIPSIS to=expression
      STEP_KEYWORD negative=MINUS? step=( UNSIGNED_INTEGER | FLOAT ) COLON
      NEWLINE INDENT stmtsBody DEDENT
    ;

whileStmt
    : WHILE_KEYWORD expression COLON NEWLINE INDENT stmtsBody DEDENT
    ;

// --------------------------------------------------------- §4.10 expressions

// Alternatives listed earlier bind more tightly (§4.11).
expression
    : LEFT_PAREN inner=expression RIGHT_PAREN                                   # parenExpr
    | <assoc=right> left=expression op=STAR_STAR right=expression               # powerExpr
    | op=( PLUS | MINUS | TILDE ) operand=expression                            # unaryExpr
    | left=expression op=( STAR | FORWARD_SLASH | DOUBLE_FORWARD_SLASH | PERCENT ) right=expression # mulExpr
    | left=expression op=( PLUS | MINUS ) right=expression                      # addExpr
    | left=expression op=( AMPERSAND | CARET | PIPE | LEFT_LEFT_ANGLE | RIGHT_RIGHT_ANGLE ) right=expression # bitExpr
    | left=expression op=( LEFT_ANGLE | LEFT_ANGLE_EQUALS | EQUALS_EQUALS | EXCLAMATION_EQUALS
                         | LEFT_ANGLE_RIGHT_ANGLE | RIGHT_ANGLE_EQUALS | RIGHT_ANGLE ) right=expression # compExpr
    | op=NOT_KEYWORD operand=expression                                         # notExpr
    | left=expression op=( AND_KEYWORD | OR_KEYWORD ) right=expression          # logicExpr
    | cond=expression QUESTION ifTrue=expression COLON ifFalse=expression       # ternaryExpr
    | simpleExpression                                                          # simpleExpr
    ;

simpleExpression
    : functionCall                                                      # callExpr
    | BOOLEAN_LITERAL                                                   # boolExpr
    | number=( UNSIGNED_INTEGER | FLOAT ) literalUnit?                  # numberExpr
    | STRING_LITERAL                                                    # stringExpr
    | INF_KEYWORD                                                       # infExpr
    | variable                                                          # variableExpr
    ;

functionCall
    : NAME LEFT_PAREN ( expression ( COMMA expression )* )? RIGHT_PAREN
    ;
