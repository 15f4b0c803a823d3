"use client";
/**
 * The scene on a Konva stage: the image fitted to the container, every entity region outlined, hover and
 * selection highlighted, wheel/button/keyboard zoom and drag to pan. Loaded only in the browser (see
 * scene-canvas.tsx). All state lives in the canvas's scene store.
 */
import Konva from "konva";
import { useEffect, useMemo, useRef } from "react";
import { Group, Image as KonvaImage, Label, Layer, Line, Rect, Stage, Tag, Text } from "react-konva";
import { regionBounds, regionOutline } from "@/core/scenario/geometry";
import type { Region } from "@/core/scenario/schema";
import { useSceneStore, useSceneStoreApi } from "@/lib/store/scene-store-context";
import { COLORS, type CanvasEntity } from "./canvas-entity";
import { useHtmlImage } from "./use-html-image";

export interface KonvaSceneProps {
  readonly sceneUrl: string;
  readonly entities: readonly CanvasEntity[];
  /** Entities to highlight strongly (a replay step's target, or the entities it plans). */
  readonly focusEntityIds?: readonly string[];
  /** Entities to mark as already explored (replay). */
  readonly visitedEntityIds?: readonly string[];
  /** A region in scene pixels to outline on top (a replayed part, when its region is in the scene). */
  readonly focusPartRegion?: Region | null;
}

const NONE: readonly string[] = [];

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const LABEL_FONT_SIZE = 13;
const LABEL_PAD = 6;

export default function KonvaScene({
  sceneUrl,
  entities,
  focusEntityIds = NONE,
  visitedEntityIds = NONE,
  focusPartRegion = null,
}: KonvaSceneProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const api = useSceneStoreApi();
  const stage = useSceneStore((s) => s.stage);
  const scene = useSceneStore((s) => s.scene);
  const hoveredId = useSceneStore((s) => s.hoveredEntityId);
  const selectedId = useSceneStore((s) => s.selectedEntityId);
  const showAnswers = useSceneStore((s) => s.showAnswers);
  const { image, status } = useHtmlImage(sceneUrl);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) api.getState().setStageSize(Math.round(box.width), Math.round(box.height));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [api]);

  // Large regions first, so a small entity lying on a large one stays reachable by the mouse.
  const drawOrder = useMemo(
    () =>
      entities
        .map((e) => ({
          entity: e,
          points: regionOutline(e.region),
          bounds: regionBounds(e.region),
          anchor: regionAnchor(e.region),
        }))
        .sort((a, b) => b.bounds.w * b.bounds.h - a.bounds.w * a.bounds.h),
    [entities],
  );

  const focused = useMemo(() => new Set(focusEntityIds), [focusEntityIds]);
  const visited = useMemo(() => new Set(visitedEntityIds), [visitedEntityIds]);
  const partOutline = useMemo(() => (focusPartRegion ? regionOutline(focusPartRegion) : null), [focusPartRegion]);
  const labelled = hoveredId ?? (focusEntityIds.length === 1 ? focusEntityIds[0] : null) ?? selectedId;
  const labelEntity = drawOrder.find((d) => d.entity.id === labelled);

  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const pointer = e.target.getStage()?.getPointerPosition();
    if (!pointer) return;
    // trackpad pinch arrives as ctrl+wheel with small deltas
    const factor = Math.exp(-e.evt.deltaY * (e.evt.ctrlKey ? 0.01 : 0.0015));
    api.getState().zoomBy(factor, pointer);
  };

  const onDragMove = (e: Konva.KonvaEventObject<DragEvent>) => {
    const node = e.target;
    if (node === node.getStage()) api.getState().panTo(node.x(), node.y());
  };

  const inv = 1 / stage.scale;
  const ready = stage.width > 0 && stage.height > 0;

  return (
    <div
      ref={containerRef}
      className="scene-canvas"
      style={{ aspectRatio: `${scene.width} / ${scene.height}`, cursor: hoveredId ? "pointer" : "grab" }}
      data-testid="scene-canvas"
      data-image={status}
    >
      {ready && (
        <Stage
          width={stage.width}
          height={stage.height}
          x={stage.x}
          y={stage.y}
          scaleX={stage.scale}
          scaleY={stage.scale}
          draggable
          dragDistance={3}
          onWheel={onWheel}
          onDragMove={onDragMove}
          onDragEnd={onDragMove}
        >
          <Layer listening={false}>
            <Rect
              width={scene.width}
              height={scene.height}
              fill="#ffffff"
              shadowColor="#0f172a"
              shadowOpacity={0.12}
              shadowBlur={12 * inv}
            />
            {image && <KonvaImage image={image} width={scene.width} height={scene.height} />}
          </Layer>
          <Layer>
            {drawOrder.map(({ entity, points }) => {
              const hovered = entity.id === hoveredId;
              const selected = entity.id === selectedId;
              const focus = focused.has(entity.id);
              const seen = visited.has(entity.id);
              const answer = showAnswers ? entity.answer : null;
              const base = answer === "gold" ? COLORS.gold : answer === "similar" ? COLORS.similar : COLORS.idle;
              const stroke = hovered
                ? COLORS.hover
                : selected
                  ? COLORS.selected
                  : focus
                    ? COLORS.focus
                    : seen && !answer
                      ? COLORS.visited
                      : base;
              const fill = hovered
                ? COLORS.hoverFill
                : selected
                  ? COLORS.selectedFill
                  : focus
                    ? COLORS.focusFill
                    : "rgba(0, 0, 0, 0)";
              const strong = hovered || selected || focus;
              return (
                <Group key={entity.id}>
                  <Line
                    points={points}
                    closed
                    stroke={COLORS.halo}
                    strokeWidth={strong ? 5.5 : 3.5}
                    strokeScaleEnabled={false}
                    listening={false}
                  />
                  <Line
                    points={points}
                    closed
                    stroke={stroke}
                    strokeWidth={focus && !hovered && !selected ? 3.5 : strong ? 3 : seen ? 2.25 : 1.75}
                    strokeScaleEnabled={false}
                    dash={answer && !strong ? [8, 4] : undefined}
                    fill={fill}
                    hitStrokeWidth={10}
                    onMouseEnter={() => api.getState().hoverEntity(entity.id)}
                    onMouseLeave={() => api.getState().unhoverEntity(entity.id)}
                    onClick={(e) => {
                      if (e.evt.button === 0) api.getState().selectEntity(entity.id);
                    }}
                    onTap={() => api.getState().selectEntity(entity.id)}
                  />
                </Group>
              );
            })}
          </Layer>
          <Layer listening={false}>
            {partOutline && (
              <Group>
                <Line points={partOutline} closed stroke={COLORS.halo} strokeWidth={4} strokeScaleEnabled={false} />
                <Line
                  points={partOutline}
                  closed
                  stroke="#ffffff"
                  strokeWidth={2}
                  dash={[5, 3]}
                  strokeScaleEnabled={false}
                  fill="rgba(255, 255, 255, 0.18)"
                />
              </Group>
            )}
            {drawOrder.map(({ entity, anchor }) => (
              <NumberBadge
                key={entity.id}
                x={anchor.x}
                y={anchor.y}
                inside={anchor.inside}
                scale={inv}
                number={entity.number}
                color={
                  entity.id === hoveredId || entity.id === selectedId
                    ? COLORS.hover
                    : focused.has(entity.id)
                      ? COLORS.focusBadge
                      : COLORS.badge
                }
              />
            ))}
            {labelEntity && (
              <EntityLabel
                text={labelEntity.entity.name}
                bounds={labelEntity.bounds}
                anchor={labelEntity.anchor}
                stage={stage}
                color={
                  labelEntity.entity.id === hoveredId
                    ? COLORS.hover
                    : focused.has(labelEntity.entity.id)
                      ? COLORS.focusBadge
                      : COLORS.badge
                }
              />
            )}
          </Layer>
        </Stage>
      )}
      {status === "failed" && <p className="scene-canvas__error">The scene image could not be loaded.</p>}
    </div>
  );
}

/**
 * Where an entity's number badge sits: a box's top-left corner (badge inside it), else the polygon's
 * topmost vertex (badge centred on it), so the badge always touches the outline it names.
 */
function regionAnchor(region: Region): { x: number; y: number; inside: boolean } {
  if ("box" in region) return { x: region.box[0], y: region.box[1], inside: true };
  let best = region.polygon[0]!;
  for (const p of region.polygon) if (p[1] < best[1] || (p[1] === best[1] && p[0] < best[0])) best = p;
  return { x: best[0], y: best[1], inside: false };
}

const BADGE_R = 10;

function NumberBadge(props: { x: number; y: number; inside: boolean; scale: number; number: number; color: string }) {
  const r = BADGE_R;
  const o = props.inside ? 2 : -r;
  return (
    <Group x={props.x} y={props.y} scaleX={props.scale} scaleY={props.scale}>
      <Rect
        x={o}
        y={o}
        width={2 * r}
        height={2 * r}
        cornerRadius={r}
        fill={props.color}
        opacity={0.92}
        stroke="#ffffff"
        strokeWidth={1.5}
      />
      <Text
        x={o}
        y={o}
        width={2 * r}
        height={2 * r}
        text={String(props.number)}
        align="center"
        verticalAlign="middle"
        fontSize={11}
        fontStyle="bold"
        fontFamily={FONT}
        fill="#ffffff"
      />
    </Group>
  );
}

let measurer: Konva.Text | null = null;
function textWidth(text: string): number {
  measurer ??= new Konva.Text({ fontSize: LABEL_FONT_SIZE, fontFamily: FONT, fontStyle: "600" });
  measurer.text(text);
  return measurer.width();
}

/**
 * The entity's name above its region (below it when there is no room above), drawn at screen size and
 * kept inside the stage horizontally.
 */
function EntityLabel(props: {
  text: string;
  bounds: { x: number; y: number; w: number; h: number };
  anchor: { x: number; y: number; inside: boolean };
  stage: { scale: number; x: number; y: number; width: number };
  color: string;
}) {
  const { bounds, anchor, stage } = props;
  const width = textWidth(props.text) + 2 * LABEL_PAD;
  const height = LABEL_FONT_SIZE + 2 * LABEL_PAD;
  // clear of the number badge, which sits on the anchor
  const gap = anchor.inside ? 6 : BADGE_R + 4;
  // work in screen pixels, then map back into scene pixels for the node position
  const left = anchor.x * stage.scale + stage.x - (anchor.inside ? 0 : BADGE_R);
  const top = anchor.y * stage.scale + stage.y;
  const bottom = (bounds.y + bounds.h) * stage.scale + stage.y;
  const screenX = Math.min(Math.max(4, left), Math.max(4, stage.width - width - 4));
  const screenY = top - height - gap >= 4 ? top - height - gap : bottom + 6;
  const inv = 1 / stage.scale;
  return (
    <Label x={(screenX - stage.x) * inv} y={(screenY - stage.y) * inv} scaleX={inv} scaleY={inv}>
      <Tag
        fill={props.color}
        cornerRadius={5}
        shadowColor="#0f172a"
        shadowOpacity={0.25}
        shadowBlur={6}
        shadowOffsetY={1}
      />
      <Text
        text={props.text}
        fontSize={LABEL_FONT_SIZE}
        fontStyle="600"
        fontFamily={FONT}
        fill="#ffffff"
        padding={LABEL_PAD}
      />
    </Label>
  );
}
