import { describe, expect, it } from "vitest";
import { createReplayStore } from "./replay-store";

describe("replay store", () => {
  it("steps within the trace and clamps at both ends", () => {
    const store = createReplayStore(3);
    const s = () => store.getState();
    expect(s().index).toBe(0);
    s().step(1);
    s().step(1);
    expect(s().index).toBe(2);
    s().step(1);
    expect(s().index).toBe(2);
    s().first();
    s().step(-1);
    expect(s().index).toBe(0);
    s().go(1.7);
    expect(s().index).toBe(1);
    s().last();
    expect(s().index).toBe(2);
  });

  it("starts where asked and has no current step without steps", () => {
    expect(createReplayStore(5, 9).getState().index).toBe(4);
    const empty = createReplayStore(0);
    empty.getState().step(1);
    expect(empty.getState().index).toBe(-1);
  });
});
