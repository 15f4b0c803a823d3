import type { Region } from "@/core/scenario/schema";

/** A region as an SVG shape in the coordinate space of the enclosing viewBox. */
export function RegionShape(props: {
  region: Region;
  className?: string;
  style?: React.CSSProperties;
  onMouseEnter?: () => void;
  onMouseLeave?: () => void;
  onClick?: () => void;
  testId?: string;
  children?: React.ReactNode;
}) {
  const common = {
    className: props.className,
    style: props.style,
    onMouseEnter: props.onMouseEnter,
    onMouseLeave: props.onMouseLeave,
    onClick: props.onClick,
    vectorEffect: "non-scaling-stroke" as const,
    "data-testid": props.testId,
  };
  if ("box" in props.region) {
    const [x, y, w, h] = props.region.box;
    return (
      <rect x={x} y={y} width={w} height={h} {...common}>
        {props.children}
      </rect>
    );
  }
  return (
    <polygon points={props.region.polygon.map(([x, y]) => `${x},${y}`).join(" ")} {...common}>
      {props.children}
    </polygon>
  );
}
