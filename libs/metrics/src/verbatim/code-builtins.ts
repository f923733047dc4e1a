/**
 * Names kept as they are when identifiers are renamed: the language's builtins and well-known
 * globals. Renaming them is not how a copy is disguised (a copier who writes `size` for `len`
 * changes behaviour), and keeping them keeps some signal in the normalized sequence.
 */
export const PYTHON_BUILTINS: ReadonlySet<string> = new Set(
  (
    'abs all any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex ' +
    'delattr dict dir divmod enumerate eval exec filter float format frozenset getattr globals ' +
    'hasattr hash help hex id input int isinstance issubclass iter len list locals map max ' +
    'memoryview min next object oct open ord pow print property range repr reversed round set ' +
    'setattr slice sorted staticmethod str sum super tuple type vars zip __import__ __name__ ' +
    '__main__ __init__ self cls Exception ValueError TypeError KeyError IndexError RuntimeError ' +
    'StopIteration NotImplementedError AttributeError'
  ).split(' '),
);

export const JAVASCRIPT_BUILTINS: ReadonlySet<string> = new Set(
  (
    'console Math JSON Object Array String Number Boolean Promise Map Set WeakMap WeakSet Error ' +
    'TypeError RangeError Date RegExp Symbol BigInt Reflect Proxy parseInt parseFloat isNaN ' +
    'isFinite undefined NaN Infinity globalThis window document require module exports process ' +
    'setTimeout clearTimeout setInterval clearInterval Buffer Uint8Array Float64Array ' +
    // TypeScript's predefined types, which lezer reads as TypeName.
    'string number boolean any unknown never void object bigint symbol Record Partial Readonly ' +
    'Required Pick Omit ReadonlyArray Iterable AsyncIterable'
  ).split(' '),
);
