import { shortHash } from "@/components/ui/format";

/** Whether the two runs differ only in the model (same comparable hash). */
export function ComparabilityBanner({
  comparable,
  hashA,
  hashB,
}: {
  comparable: boolean;
  hashA: string;
  hashB: string;
}) {
  return comparable ? (
    <p className="notice notice--ok" data-testid="comparability" data-comparable="true">
      <strong>Comparable.</strong> Both runs share the configuration (comparable hash{" "}
      <code title={hashA}>{shortHash(hashA)}</code>): they differ only in the model.
    </p>
  ) : (
    <p className="notice notice--warn" data-testid="comparability" data-comparable="false">
      <strong>Not comparable (config differs).</strong> Comparable hashes <code title={hashA}>{shortHash(hashA)}</code>{" "}
      (A) and <code title={hashB}>{shortHash(hashB)}</code> (B): scenarios, seeds, engine, prompt or solver settings
      differ, so differences below mix the model with the setup.
    </p>
  );
}
