/** A file Shelf cannot import at all; the message says what is wrong and where. Nothing was changed. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}
