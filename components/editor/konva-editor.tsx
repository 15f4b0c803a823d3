"use client";
/**
 * The editor's Konva stage: the image of the current space (scene, or an entity's view photo), its
 * regions, a Transformer on the selected box or polygon, polygon vertex handles, and drawing of new boxes
 * (drag) and polygons (click points; double-click, Enter or a click on the first point closes). Moves,
 * resizes and new points snap to the image edges, other regions' edges and, when on, a grid.
 *
 * Layers: the photo sits alone in a non-listening layer, so dragging a region redraws only the region
 * layer; a drag changes Konva nodes only and the store once, at the end (smooth with large photos and
 * many regions). Loaded only in the browser (editor-canvas.tsx).
 */
import Konva from "konva";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Circle, Group, Image as KonvaImage, Layer, Line, Rect, Stage, Text, Transformer } from "react-konva";
import { regionBounds } from "@/core/scenario/geometry";
import type { Region } from "@/core/scenario/schema";
import {
  clampRegion,
  moveTarget,
  regionsInSpace,
  setRegion,
  snapBox,
  snapMove,
  snapPoint,
  snapTargets,
  type Selection,
  type SpaceRegion,
} from "@/lib/store/editor-store";
import { useHtmlImage } from "@/components/canvas/use-html-image";
import { useEditor, useEditorApi } from "./editor-context";
import { installEditorTestHook } from "./test-hook";

export interface KonvaEditorProps {
  /** URL of every image file the document names (scene, views), by file name. */
  readonly imageUrls: Readonly<Record<string, string>>;
}

const COLORS = {
  entity: "#2563eb",
  part: "#d97706",
  selected: "#db2777",
  halo: "rgba(255,255,255,0.9)",
  draw: "#16a34a",
};
/** Snap distance in screen px. */
const SNAP_PX = 8;
const PAD = 16;

type View = { scale: number; x: number; y: number };

const sameTarget = (a: Selection | null, b: Selection) => a?.entity === b.entity && a?.part === b.part;

function pointsOf(region: Region): number[] {
  if ("box" in region) return [];
  return region.polygon.flat();
}

export default function KonvaEditor({ imageUrls }: KonvaEditorProps) {
  const api = useEditorApi();
  const doc = useEditor((s) => s.doc);
  const selection = useEditor((s) => s.selection);
  const space = useEditor((s) => s.space);
  const tool = useEditor((s) => s.tool);
  const snapOn = useEditor((s) => s.snap);
  const grid = useEditor((s) => s.grid);

  const viewEntity = space.kind === "view" ? doc.entities[space.entity] : undefined;
  const file = viewEntity?.view ?? doc.scene.image;
  const { image, status } = useHtmlImage(imageUrls[file] ?? "");
  const imageSize = useMemo(
    () =>
      space.kind === "scene"
        ? { width: doc.scene.width, height: doc.scene.height }
        : { width: image?.naturalWidth || 1, height: image?.naturalHeight || 1 },
    [space.kind, doc.scene.width, doc.scene.height, image],
  );

  const containerRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [view, setView] = useState<View>({ scale: 1, x: 0, y: 0 });
  const [drawing, setDrawing] = useState<{ start: { x: number; y: number }; end: { x: number; y: number } } | null>(
    null,
  );
  const [polygon, setPolygonState] = useState<{ x: number; y: number }[]>([]);
  // Refs mirror the drawing state so events that arrive before React re-renders (fast input, a busy
  // machine) still see every point.
  const polygonRef = useRef<{ x: number; y: number }[]>([]);
  const drawingRef = useRef<{ start: { x: number; y: number }; end: { x: number; y: number } } | null>(null);
  const setPolygon = useCallback((next: { x: number; y: number }[]) => {
    polygonRef.current = next;
    setPolygonState(next);
  }, []);
  const setDrawingBoth = useCallback(
    (next: { start: { x: number; y: number }; end: { x: number; y: number } } | null) => {
      drawingRef.current = next;
      setDrawing(next);
    },
    [],
  );
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  const nodes = useRef(new Map<string, Konva.Shape>());
  const transformer = useRef<Konva.Transformer>(null);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) setSize({ width: Math.round(box.width), height: Math.round(box.height) });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const fit = useCallback(() => {
    if (!size.width || !size.height) return;
    const scale = Math.min((size.width - 2 * PAD) / imageSize.width, (size.height - 2 * PAD) / imageSize.height);
    setView({
      scale,
      x: (size.width - imageSize.width * scale) / 2,
      y: (size.height - imageSize.height * scale) / 2,
    });
  }, [size, imageSize]);
  useEffect(fit, [fit]);

  // A tool change or a space change abandons a drawing in progress.
  useEffect(() => {
    setDrawingBoth(null);
    setPolygon([]);
  }, [tool, space, setDrawingBoth, setPolygon]);

  const regions = useMemo(() => regionsInSpace(doc, space, selection), [doc, space, selection]);
  const selectedRegion = regions.find((r) => sameTarget(selection, r.target)) ?? null;
  const selectedKey = selectedRegion?.key ?? null;

  useEffect(() => {
    const tr = transformer.current;
    if (!tr) return;
    const node = selectedKey && tool === "select" ? nodes.current.get(selectedKey) : undefined;
    tr.nodes(node ? [node] : []);
    tr.getLayer()?.batchDraw();
  }, [selectedKey, tool, regions]);

  useEffect(
    () =>
      installEditorTestHook(() => ({
        state: api.getState(),
        view,
        image: imageSize,
        imageStatus: status,
      })),
    [api, view, imageSize, status],
  );

  const threshold = SNAP_PX / view.scale;
  const targetsFor = useCallback(
    (exclude: string | null) =>
      snapTargets(
        imageSize,
        regions.filter((r) => r.key !== exclude).map((r) => r.region),
      ),
    [imageSize, regions],
  );

  const toImage = (stage: Konva.Stage | null) => {
    const p = stage?.getPointerPosition();
    if (!p) return null;
    return { x: (p.x - view.x) / view.scale, y: (p.y - view.y) / view.scale };
  };
  const snapped = (p: { x: number; y: number }) => {
    const q = snapOn || grid ? snapPoint(p, targetsFor(null), snapOn ? threshold : 0, grid) : p;
    return { x: Math.min(Math.max(q.x, 0), imageSize.width), y: Math.min(Math.max(q.y, 0), imageSize.height) };
  };

  const commitRegion = (target: Selection, region: Region) => {
    api.getState().apply((d) => setRegion(d, target, clampRegion(region, imageSize)));
  };

  const drawKind = tool.startsWith("entity") ? "entity" : "part";
  const canDrawPart = space.kind === "view" || (selection !== null && !doc.entities[selection.entity]?.view);
  const drawEnabled = tool !== "select" && (drawKind === "entity" ? space.kind === "scene" : canDrawPart);

  const closePolygon = useCallback(() => {
    const points = polygonRef.current;
    if (points.length < 3) return;
    setPolygon([]);
    api
      .getState()
      .createRegion(drawKind, clampRegion({ polygon: points.map((p) => [p.x, p.y] as [number, number]) }, imageSize));
  }, [api, drawKind, imageSize, setPolygon]);

  useEffect(() => {
    if (!tool.endsWith("polygon")) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Enter") {
        e.preventDefault();
        closePolygon();
      } else if (e.key === "Escape" && polygonRef.current.length > 0) {
        e.stopPropagation();
        setPolygon([]);
      } else if (e.key === "Backspace" && polygonRef.current.length > 0) {
        e.preventDefault();
        e.stopPropagation();
        setPolygon(polygonRef.current.slice(0, -1));
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [tool, closePolygon, setPolygon]);

  const onStageMouseDown = (e: Konva.KonvaEventObject<MouseEvent>) => {
    if (e.evt.button !== 0 || !drawEnabled) return;
    const p = toImage(e.target.getStage());
    if (!p) return;
    const q = snapped(p);
    if (tool.endsWith("box")) {
      setDrawingBoth({ start: q, end: q });
      return;
    }
    // polygon: a click near the first point closes it
    const points = polygonRef.current;
    const first = points[0];
    if (first && points.length >= 3 && Math.hypot(first.x - q.x, first.y - q.y) <= threshold) {
      closePolygon();
      return;
    }
    setPolygon([...points, q]);
  };

  const onStageMouseMove = (e: Konva.KonvaEventObject<MouseEvent>) => {
    if (!drawEnabled) return;
    const p = toImage(e.target.getStage());
    if (!p) return;
    const q = snapped(p);
    if (drawingRef.current) setDrawingBoth({ ...drawingRef.current, end: q });
    else if (tool.endsWith("polygon")) setPointer(q);
  };

  const onStageMouseUp = (e: Konva.KonvaEventObject<MouseEvent>) => {
    const current = drawingRef.current;
    if (!current) return;
    // the release point itself counts (a fast drag may not have reported its last move)
    const p = toImage(e.target.getStage());
    const end = p ? snapped(p) : current.end;
    const { start } = current;
    setDrawingBoth(null);
    const w = Math.abs(end.x - start.x);
    const h = Math.abs(end.y - start.y);
    if (w * view.scale < 4 || h * view.scale < 4) return; // a click, not a drag
    api
      .getState()
      .createRegion(
        drawKind,
        clampRegion({ box: [Math.min(start.x, end.x), Math.min(start.y, end.y), w, h] }, imageSize),
      );
  };

  const onStageClick = (e: Konva.KonvaEventObject<MouseEvent>) => {
    if (tool === "select" && e.target === e.target.getStage()) api.getState().select(null);
  };

  const onWheel = (e: Konva.KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const p = e.target.getStage()?.getPointerPosition();
    if (!p) return;
    const factor = Math.exp(-e.evt.deltaY * (e.evt.ctrlKey ? 0.01 : 0.0015));
    setView((v) => {
      const scale = Math.min(Math.max(v.scale * factor, 0.02), 40);
      const k = scale / v.scale;
      return { scale, x: p.x - (p.x - v.x) * k, y: p.y - (p.y - v.y) * k };
    });
  };

  const onRegionDragMove = (r: SpaceRegion, node: Konva.Node) => {
    if (!snapOn && !grid) return;
    const b = regionBounds(r.region);
    const offset = "box" in r.region ? { x: node.x() - b.x, y: node.y() - b.y } : { x: node.x(), y: node.y() };
    const moved = { x: b.x + offset.x, y: b.y + offset.y, w: b.w, h: b.h };
    const { dx, dy } = snapMove(moved, targetsFor(r.key), snapOn ? threshold : 0, grid);
    node.position({ x: node.x() + dx, y: node.y() + dy });
  };

  const onRegionDragEnd = (r: SpaceRegion, node: Konva.Node) => {
    const b = regionBounds(r.region);
    const box = "box" in r.region;
    let dx = box ? node.x() - b.x : node.x();
    let dy = box ? node.y() - b.y : node.y();
    if (!box) node.position({ x: 0, y: 0 });
    // keep the moved region inside the image
    dx = Math.min(Math.max(dx, -b.x), imageSize.width - b.x - b.w);
    dy = Math.min(Math.max(dy, -b.y), imageSize.height - b.y - b.h);
    if (dx === 0 && dy === 0) return;
    api.getState().apply((d) => moveTarget(d, r.target, dx, dy));
  };

  const onTransformEnd = (r: SpaceRegion, node: Konva.Node) => {
    if ("box" in r.region) {
      const box: [number, number, number, number] = [
        node.x(),
        node.y(),
        Math.max(1, node.width() * node.scaleX()),
        Math.max(1, node.height() * node.scaleY()),
      ];
      node.scale({ x: 1, y: 1 });
      const snappedBox = snapOn || grid ? snapBox(box, targetsFor(r.key), snapOn ? threshold : 0, grid) : box;
      commitRegion(r.target, { box: snappedBox });
    } else {
      const t = node.getTransform();
      const polygon = r.region.polygon.map(([x, y]) => {
        const p = t.point({ x, y });
        return [p.x, p.y] as [number, number];
      });
      node.position({ x: 0, y: 0 });
      node.scale({ x: 1, y: 1 });
      commitRegion(r.target, { polygon });
    }
  };

  const onVertexDragEnd = (r: SpaceRegion, index: number, node: Konva.Node) => {
    if ("box" in r.region) return;
    const q = snapped({ x: node.x(), y: node.y() });
    commitRegion(r.target, {
      polygon: r.region.polygon.map((pt, i) => (i === index ? ([q.x, q.y] as [number, number]) : pt)),
    });
  };

  const inv = 1 / view.scale;
  const ready = size.width > 0 && size.height > 0;
  const cursor = drawEnabled ? "crosshair" : tool === "select" ? "default" : "not-allowed";

  return (
    <div
      ref={containerRef}
      className="editor-canvas"
      style={{ cursor }}
      data-testid="editor-canvas"
      data-image={status}
      data-space={space.kind}
    >
      {ready && (
        <Stage
          width={size.width}
          height={size.height}
          draggable={tool === "select"}
          dragDistance={3}
          onDragEnd={(e) => {
            const stage = e.target;
            if (stage === stage.getStage()) {
              setView((v) => ({ ...v, x: stage.x() + v.x, y: stage.y() + v.y }));
              stage.position({ x: 0, y: 0 });
            }
          }}
          onWheel={onWheel}
          onMouseDown={onStageMouseDown}
          onMouseMove={onStageMouseMove}
          onMouseUp={onStageMouseUp}
          onClick={onStageClick}
          onDblClick={() => tool.endsWith("polygon") && closePolygon()}
        >
          <Layer listening={false}>
            <Group x={view.x} y={view.y} scaleX={view.scale} scaleY={view.scale}>
              <Rect width={imageSize.width} height={imageSize.height} fill="#f1f5f9" />
              {image && <KonvaImage image={image} width={imageSize.width} height={imageSize.height} />}
            </Group>
          </Layer>
          <Layer listening={tool === "select"}>
            <Group x={view.x} y={view.y} scaleX={view.scale} scaleY={view.scale}>
              {regions.map((r) => {
                const selected = r.key === selectedKey;
                const color = selected ? COLORS.selected : r.kind === "entity" ? COLORS.entity : COLORS.part;
                const common = {
                  stroke: color,
                  strokeWidth: selected ? 3 : 2,
                  strokeScaleEnabled: false,
                  fill: selected
                    ? "rgba(219,39,119,0.12)"
                    : r.kind === "part"
                      ? "rgba(217,119,6,0.08)"
                      : "rgba(37,99,235,0.05)",
                  draggable: selected && tool === "select",
                  ref: (node: Konva.Shape | null) => {
                    if (node) nodes.current.set(r.key, node);
                    else nodes.current.delete(r.key);
                  },
                  onMouseDown: (e: Konva.KonvaEventObject<MouseEvent>) => {
                    if (tool !== "select" || e.evt.button !== 0) return;
                    e.cancelBubble = true;
                    if (!selected) api.getState().select(r.target);
                  },
                  onDragMove: (e: Konva.KonvaEventObject<DragEvent>) => onRegionDragMove(r, e.target),
                  onDragEnd: (e: Konva.KonvaEventObject<DragEvent>) => {
                    e.cancelBubble = true;
                    onRegionDragEnd(r, e.target);
                  },
                  onTransformEnd: (e: Konva.KonvaEventObject<Event>) => onTransformEnd(r, e.target),
                };
                return "box" in r.region ? (
                  <Rect
                    key={r.key}
                    x={r.region.box[0]}
                    y={r.region.box[1]}
                    width={r.region.box[2]}
                    height={r.region.box[3]}
                    {...common}
                  />
                ) : (
                  <Line key={r.key} points={pointsOf(r.region)} closed {...common} />
                );
              })}
              {selectedRegion &&
                tool === "select" &&
                "polygon" in selectedRegion.region &&
                selectedRegion.region.polygon.map(([x, y], i) => (
                  <Circle
                    key={`v:${selectedRegion.key}:${i}`}
                    x={x}
                    y={y}
                    radius={5 * inv}
                    fill="#ffffff"
                    stroke={COLORS.selected}
                    strokeWidth={1.5}
                    strokeScaleEnabled={false}
                    draggable
                    onDragEnd={(e) => {
                      e.cancelBubble = true;
                      onVertexDragEnd(selectedRegion, i, e.target);
                    }}
                    onMouseDown={(e) => {
                      e.cancelBubble = true;
                    }}
                  />
                ))}
            </Group>
            <Transformer
              ref={transformer}
              rotateEnabled={false}
              keepRatio={false}
              ignoreStroke
              flipEnabled={false}
              anchorSize={9}
              borderStroke={COLORS.selected}
              anchorStroke={COLORS.selected}
              boundBoxFunc={(oldBox, newBox) => (newBox.width < 3 || newBox.height < 3 ? oldBox : newBox)}
            />
          </Layer>
          <Layer listening={false}>
            <Group x={view.x} y={view.y} scaleX={view.scale} scaleY={view.scale}>
              {regions.map((r) => {
                const b = regionBounds(r.region);
                const selected = r.key === selectedKey;
                return (
                  <Text
                    key={`label:${r.key}`}
                    x={b.x + 3 * inv}
                    y={b.y + 3 * inv}
                    text={r.label}
                    fontSize={12 * inv}
                    fill={selected ? COLORS.selected : r.kind === "entity" ? COLORS.entity : COLORS.part}
                    stroke={COLORS.halo}
                    strokeWidth={3 * inv}
                    fillAfterStrokeEnabled
                    listening={false}
                  />
                );
              })}
              {drawing && (
                <Rect
                  x={Math.min(drawing.start.x, drawing.end.x)}
                  y={Math.min(drawing.start.y, drawing.end.y)}
                  width={Math.abs(drawing.end.x - drawing.start.x)}
                  height={Math.abs(drawing.end.y - drawing.start.y)}
                  stroke={COLORS.draw}
                  strokeWidth={2}
                  dash={[6, 4]}
                  strokeScaleEnabled={false}
                />
              )}
              {polygon.length > 0 && (
                <Line
                  points={[...polygon.flatMap((p) => [p.x, p.y]), ...(pointer ? [pointer.x, pointer.y] : [])]}
                  stroke={COLORS.draw}
                  strokeWidth={2}
                  dash={[6, 4]}
                  strokeScaleEnabled={false}
                />
              )}
              {polygon.map((p, i) => (
                <Circle
                  key={i}
                  x={p.x}
                  y={p.y}
                  radius={(i === 0 ? 6 : 4) * inv}
                  fill={i === 0 ? COLORS.draw : "#ffffff"}
                  stroke={COLORS.draw}
                  strokeWidth={1.5}
                  strokeScaleEnabled={false}
                />
              ))}
            </Group>
          </Layer>
        </Stage>
      )}
      <button type="button" className="editor-canvas__fit" onClick={fit} title="Fit the image to the canvas (F)">
        Fit
      </button>
    </div>
  );
}
