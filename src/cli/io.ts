/** Where the CLI writes: the process's streams in the binary. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}
