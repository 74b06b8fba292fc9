import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Icon, leadingIcon, materialName } from "./icons";

describe("Icon", () => {
  it("draws a Material icon as its ligature name in the icon font, hidden beside its label", () => {
    const { container } = render(<Icon icon=":material/save:" />);
    const span = container.firstElementChild;
    expect(span?.className).toBe("icon material-icon");
    expect(span?.textContent).toBe("save");
    expect(span?.getAttribute("aria-hidden")).toBe("true");
    expect(span?.getAttribute("translate")).toBe("no");
  });

  it("keeps an emoji as text", () => {
    const { container } = render(<Icon icon="🎉" className="alert-icon" />);
    expect(container.firstElementChild?.className).toBe("icon emoji-icon alert-icon");
    expect(container.textContent).toBe("🎉");
  });

  it("names the icon for screen readers when asked", () => {
    const { getByRole } = render(<Icon icon=":material/home:" label="Logo" />);
    expect(getByRole("img", { name: "Logo" }).textContent).toBe("home");
  });
});

describe("icon strings", () => {
  it("reads the Material name", () => {
    expect(materialName(":material/thumb_up:")).toBe("thumb_up");
    expect(materialName("👍")).toBeNull();
    expect(materialName(":material/no spaces:")).toBeNull();
  });

  it("splits a leading icon from an option label", () => {
    expect(leadingIcon(":material/star: Star")).toEqual({ icon: ":material/star:", text: "Star" });
    expect(leadingIcon(":material/light_mode:")).toEqual({ icon: ":material/light_mode:", text: "" });
    expect(leadingIcon("🎉 Party")).toEqual({ icon: "🎉", text: "Party" });
    expect(leadingIcon("👍🏽 Yes")).toEqual({ icon: "👍🏽", text: "Yes" });
    expect(leadingIcon("Star :material/star:")).toEqual({ icon: null, text: "Star :material/star:" });
    expect(leadingIcon(":material/home:Home")).toEqual({ icon: null, text: ":material/home:Home" });
  });
});
