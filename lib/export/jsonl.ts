/** A JSONL file written line by line with back-pressure, so a large export never buffers in memory. */
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";

export class JsonlWriter {
  private readonly stream: WriteStream;
  private failure: Error | null = null;
  lines = 0;

  constructor(readonly file: string) {
    this.stream = createWriteStream(file, { flags: "wx" });
    this.stream.on("error", (error) => {
      this.failure = error;
    });
  }

  /** Appends one JSON value as a line; waits when the stream's buffer is full. */
  async write(value: unknown): Promise<void> {
    if (this.failure) throw this.failure;
    this.lines++;
    if (!this.stream.write(`${JSON.stringify(value)}\n`)) {
      await once(this.stream, "drain"); // rejects if the stream fails meanwhile
    }
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    if (this.stream.closed) return;
    this.stream.end();
    await finished(this.stream);
    if (this.failure) throw this.failure;
  }

  /** Closes without caring about errors (on failure paths). */
  destroy(): void {
    this.stream.destroy();
  }
}
