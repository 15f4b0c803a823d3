import type { DistractorTier } from "@/core/scenario";

const TIER_HELP: Record<DistractorTier, string> = {
  dissimilar: "Distractors are affordance-dissimilar to the answer (easiest tier)",
  mixed: "Some distractors share affordances with the answer",
  similar: "Distractors are affordance-similar to the answer (hardest tier)",
};

/** The distractor-similarity tier, colour-coded from easy (dissimilar) to hard (similar). */
export function TierBadge({ tier }: { tier: DistractorTier }) {
  return (
    <span className={`badge tier tier--${tier}`} title={TIER_HELP[tier]} data-testid="tier-badge">
      {tier}
    </span>
  );
}
