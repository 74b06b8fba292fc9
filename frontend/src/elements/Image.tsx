import type { ImageEl, ImageItem, Width } from "../protocol.gen";
import { ElementToolbar, useFullscreen } from "./ElementToolbar";
import { InlineMarkdown } from "./widget";

/** Relative links stay in the app's tab; links elsewhere open a new one. */
const isExternal = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url);

function sizeClass(width: Width): string {
  if (typeof width === "number") return "fixed";
  return width === "content" ? "content" : "stretch";
}

function Figure({ image, itemWidth, link }: { image: ImageItem; itemWidth: Width; link: string | null }) {
  // alt: null leaves the attribute out (no accessible name given); "" marks a decorative image.
  const picture = <img src={image.url} alt={image.alt ?? undefined} loading="lazy" decoding="async" />;
  return (
    <figure className="image" style={typeof itemWidth === "number" ? { width: itemWidth } : undefined}>
      {link ? (
        <a href={link} {...(isExternal(link) ? { target: "_blank", rel: "noopener noreferrer" } : {})}>
          {picture}
        </a>
      ) : (
        picture
      )}
      {image.caption && (
        <figcaption>
          <InlineMarkdown text={image.caption} />
        </figcaption>
      )}
    </figure>
  );
}

/** `st.image` and `st.pyplot`: one image, or a row of images that wraps (with one toolbar). */
export function ImageList({ el }: { el: ImageEl }) {
  const { full, setFull, frameClass } = useFullscreen();
  return (
    <div className={`image-list image-${sizeClass(el.item_width)} ${frameClass}`}>
      {el.images.map((image, i) => (
        <Figure key={i} image={image} itemWidth={el.item_width} link={el.link} />
      ))}
      <ElementToolbar full={full} setFull={setFull} />
    </div>
  );
}
