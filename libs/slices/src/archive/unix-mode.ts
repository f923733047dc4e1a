const FILE_TYPE_MASK = 0o170000;
const TYPES: Record<number, string> = {
  0o120000: 'a symbolic link',
  0o020000: 'a character device',
  0o060000: 'a block device',
  0o010000: 'a FIFO',
  0o140000: 'a socket',
};

/** What a Unix st_mode says the entry is when it is not a regular file or directory. */
export function specialFileKind(mode: number): string | undefined {
  return TYPES[mode & FILE_TYPE_MASK];
}

export function isDirectoryMode(mode: number): boolean {
  return (mode & FILE_TYPE_MASK) === 0o040000;
}
