/**
 * Whether a part meets gold requirements (SPEC §5 assessment truth): a part is suitable for the task iff
 * its annotated attributes meet every `requiredAttributes` entry of some gold entry. A requirement is met
 * when the part annotates that attribute with an equivalent value (after vocabulary normalisation); a
 * multi-valued attribute meets it when one of its values is equivalent. Pure.
 */
import { type AttributeClaim, type AttributeValue, type Scenario } from "./schema";
import { attributeValuesEquivalent } from "./vocabulary";

/** An annotated attribute, as far as matching needs it. */
export interface AnnotatedAttribute {
  readonly name: string;
  readonly value: AttributeValue | readonly string[];
}
/** Whatever carries annotated attributes (a scenario part, a knowledge-base part). */
export interface Annotated {
  readonly attributes: readonly AnnotatedAttribute[];
}

/** Whether any of the annotated values is equivalent to `value` (after normalisation). */
export function annotationMatches(annotation: AnnotatedAttribute, value: string): boolean {
  const annotated = annotation.value;
  if (typeof annotated === "string") return attributeValuesEquivalent(annotation.name, value, annotated);
  return annotated.some((v) => attributeValuesEquivalent(annotation.name, value, v));
}

/** Whether the part annotates `requirement.name` with a value equivalent to `requirement.value`. */
export function meetsRequirement(part: Annotated, requirement: AttributeClaim): boolean {
  const annotation = part.attributes.find((a) => a.name === requirement.name);
  return annotation !== undefined && annotationMatches(annotation, requirement.value);
}

/** Whether the part meets every requirement of one gold entry. */
export function meetsRequirements(part: Annotated, requirements: readonly AttributeClaim[]): boolean {
  return requirements.every((r) => meetsRequirement(part, r));
}

/** The assessment truth: the part meets every requirement of at least one gold entry of the scenario. */
export function partSuitable(scenario: Pick<Scenario, "gold">, part: Annotated): boolean {
  return scenario.gold.some((g) => meetsRequirements(part, g.requiredAttributes));
}
