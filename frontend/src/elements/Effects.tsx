import { useEffect, useMemo, useState, type CSSProperties } from "react";
import type { BalloonsEl, SnowEl } from "../protocol.gen";
import { testid } from "../hooks";
import "./effects.css";

const BALLOON_COLORS = ["#ff6c6c", "#c89dff", "#5ce488", "#f8a31b", "#5eb1ff", "#22d3ff"];
const BALLOONS = 30;
const FLAKES = 60;
const BALLOONS_MS = 4000;
const SNOW_MS = 6000;

/** Plays for `ms` after mounting, then shows nothing: a new shot mounts a new one. */
function usePlaying(ms: number): boolean {
  const [playing, setPlaying] = useState(true);
  useEffect(() => {
    const timer = window.setTimeout(() => setPlaying(false), ms);
    return () => window.clearTimeout(timer);
  }, [ms]);
  return playing;
}

type Vars = CSSProperties & Record<`--${string}`, string>;

function scatter(count: number, spread: { delay: number; duration: [number, number] }): Vars[] {
  return Array.from({ length: count }, () => ({
    "--x": `${Math.random() * 100}vw`,
    "--drift": `${(Math.random() - 0.5) * 12}vw`,
    "--delay": `${Math.random() * spread.delay}s`,
    "--duration": `${spread.duration[0] + Math.random() * (spread.duration[1] - spread.duration[0])}s`,
    "--scale": `${0.7 + Math.random() * 0.5}`,
  }));
}

function Balloon({ color }: { color: string }) {
  return (
    <svg viewBox="0 0 120 230" width="120" height="230" aria-hidden="true">
      <ellipse cx="60" cy="70" rx="60" ry="69" fill={color} />
      <ellipse cx="54" cy="66" rx="52" ry="63" fill="#fff" opacity="0.12" />
      <path d="M60 139l-8 11h16z" fill={color} />
      <path d="M60 150c-6 20 6 38 0 58s4 20 0 22" fill="none" stroke="#aaa" strokeWidth="1" />
    </svg>
  );
}

/** st.balloons: balloons of six colours float up over the page once. */
function BalloonsShow() {
  const balloons = useMemo(() => scatter(BALLOONS, { delay: 1, duration: [2, 3] }), []);
  if (!usePlaying(BALLOONS_MS)) return null;
  return (
    <div {...testid("stBalloons")} className="effect-overlay" aria-hidden="true">
      {balloons.map((style, i) => (
        <div key={i} className="balloon" style={style}>
          <Balloon color={BALLOON_COLORS[i % BALLOON_COLORS.length] ?? "#ff6c6c"} />
        </div>
      ))}
    </div>
  );
}

function Flake() {
  const arm = "M50 50V6M50 20l-9-9M50 20l9-9M50 34l-7-7M50 34l7-7";
  return (
    <svg viewBox="0 0 100 100" width="90" height="90" aria-hidden="true">
      {[0, 60, 120, 180, 240, 300].map((angle) => (
        <path key={angle} d={arm} transform={`rotate(${angle} 50 50)`} stroke="#9ed5ff" strokeWidth="4" strokeLinecap="round" fill="none" />
      ))}
    </svg>
  );
}

/** st.snow: snowflakes fall over the page once. */
function SnowShow() {
  const flakes = useMemo(() => scatter(FLAKES, { delay: 2, duration: [3, 4] }), []);
  if (!usePlaying(SNOW_MS)) return null;
  return (
    <div {...testid("stSnow")} className="effect-overlay" aria-hidden="true">
      {flakes.map((style, i) => (
        <div key={i} className="flake" style={style}>
          <Flake />
        </div>
      ))}
    </div>
  );
}

export const Balloons = ({ el }: { el: BalloonsEl }) => <BalloonsShow key={el.shot} />;
export const Snow = ({ el }: { el: SnowEl }) => <SnowShow key={el.shot} />;
