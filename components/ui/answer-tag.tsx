import type { AnswerRole } from "@/components/panels/answer-roles";

export function AnswerTag({ role }: { role: AnswerRole }) {
  return <span className={`answer-tag answer-tag--${role}`}>{role}</span>;
}

/** The compact form for tight lists: a coloured dot that still says its role to screen readers. */
export function AnswerDot({ role }: { role: AnswerRole }) {
  return <span className={`answer-dot answer-dot--${role}`} title={role} role="img" aria-label={role} />;
}
