import { formatAttributeValue, type Attribute } from "@/core/scenario/schema";
import { humanize } from "./format";

function EyeIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" className="chip__icon">
      <path
        d="M8 3C4.4 3 1.7 5.5 1 8c.7 2.5 3.4 5 7 5s6.3-2.5 7-5c-.7-2.5-3.4-5-7-5Zm0 8a3 3 0 1 1 0-6 3 3 0 0 1 0 6Z"
        fill="currentColor"
      />
    </svg>
  );
}

/** `name: value` (several values read `cylindrical, elongated`); visual attributes (judgeable from the image) carry an eye. */
export function AttributeChip({ attribute }: { attribute: Pick<Attribute, "name" | "value"> & { visual?: boolean } }) {
  const visual = attribute.visual === true;
  return (
    <span
      className={`chip chip--attr${visual ? " chip--visual" : ""}`}
      title={visual ? "Visual: can be judged from the image" : "Non-visual: not judgeable from the image alone"}
      data-visual={visual ? "true" : "false"}
    >
      {visual && <EyeIcon />}
      <span className="chip__key">{humanize(attribute.name)}</span>
      <span className="chip__value">{formatAttributeValue(attribute.value)}</span>
    </span>
  );
}
