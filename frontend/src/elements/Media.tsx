import { useEffect, useRef } from "react";
import type { AudioEl, VideoEl } from "../protocol.gen";

/** Plays from `start` (seconds), stops at `end`, and loops back to `start` rather than to 0. */
function usePlayRange(media: React.RefObject<HTMLMediaElement | null>, start: number, end: number | null, loop: boolean) {
  useEffect(() => {
    const el = media.current;
    if (!el) return;
    const toStart = () => {
      if (start > 0 || el.currentTime > 0) el.currentTime = start;
    };
    const again = () => {
      el.currentTime = start;
      el.play().catch(() => undefined);
    };
    const onTime = () => {
      if (end === null || el.currentTime < end) return;
      if (loop) again();
      else el.pause();
    };
    const onEnded = () => {
      if (loop) again();
    };
    if (el.readyState >= HTMLMediaElement.HAVE_METADATA) toStart();
    el.addEventListener("loadedmetadata", toStart);
    el.addEventListener("timeupdate", onTime);
    el.addEventListener("ended", onEnded);
    return () => {
      el.removeEventListener("loadedmetadata", toStart);
      el.removeEventListener("timeupdate", onTime);
      el.removeEventListener("ended", onEnded);
    };
  }, [media, start, end, loop]);
}

/** `st.audio`: the browser's audio player. */
export function Audio({ el }: { el: AudioEl }) {
  const ref = useRef<HTMLAudioElement>(null);
  usePlayRange(ref, el.start_time, el.end_time, el.loop);
  if (!el.url) return null;
  return (
    <audio
      ref={ref}
      className="media-audio"
      controls
      preload="metadata"
      src={el.url}
      autoPlay={el.autoplay}
      aria-label={el.alt ?? undefined}
    />
  );
}

function youtubeSrc(el: VideoEl): string {
  const params = new URLSearchParams();
  if (el.start_time) params.set("start", String(el.start_time));
  if (el.end_time !== null) params.set("end", String(el.end_time));
  if (el.autoplay) params.set("autoplay", "1");
  if (el.muted) params.set("mute", "1");
  if (el.loop) {
    params.set("loop", "1");
    params.set("playlist", el.url.split("/").pop() ?? "");
  }
  const query = params.toString();
  return query ? `${el.url}?${query}` : el.url;
}

/** `st.video`: the browser's video player with subtitle tracks, or an embedded YouTube player. */
export function Video({ el }: { el: VideoEl }) {
  const ref = useRef<HTMLVideoElement>(null);
  usePlayRange(ref, el.start_time, el.end_time, el.loop);
  // React does not keep the `muted` attribute in sync; the property is what browsers read.
  useEffect(() => {
    if (ref.current) ref.current.muted = el.muted;
  }, [el.muted]);
  if (el.youtube) {
    return (
      <iframe
        className="media-youtube"
        src={youtubeSrc(el)}
        title={el.alt ?? "YouTube video"}
        allow="autoplay; encrypted-media; picture-in-picture"
        allowFullScreen
      />
    );
  }
  if (!el.url) return null;
  return (
    <video
      ref={ref}
      className="media-video"
      controls
      preload="metadata"
      playsInline
      src={el.url}
      autoPlay={el.autoplay}
      muted={el.muted}
      aria-label={el.alt ?? undefined}
    >
      {el.subtitles.map((track, i) => (
        <track key={track.url + i} kind="captions" src={track.url} label={track.label} default={i === 0} />
      ))}
    </video>
  );
}
