/** Streamlit's stable hooks: the `data-testid` attributes and class names that apps aim their
 * own CSS at (`st.markdown("<style>[data-testid='stMetricValue'] {...}</style>")`). Slipstream puts
 * the same hooks on the same nesting, so such a stylesheet lands where it lands on Streamlit. */
import type { Element } from "./protocol.gen";

/** The attributes of a hook that is both a test id and a class (`stButton`, `stVerticalBlock`). */
export function hook(name: string, extra?: string | false | null): { "data-testid": string; className: string } {
  return { "data-testid": name, className: extra ? `${name} ${extra}` : name };
}

/** The test id alone, for the inner parts Streamlit marks without a class (`stMetricValue`). */
export const testid = (name: string): { "data-testid": string } => ({ "data-testid": name });

const LEAF_HOOKS: Partial<Record<Element["type"], string>> = {
  markdown: "stMarkdown",
  caption: "stMarkdown",
  divider: "stMarkdown",
  latex: "stMarkdown",
  heading: "stHeading",
  text: "stText",
  code: "stCode",
  json: "stJson",
  alert: "stAlert",
  exception: "stException",
  link_button: "stLinkButton",
  page_link: "stPageLink",
  download_button: "stDownloadButton",
  checkbox: "stCheckbox",
  text_input: "stTextInput",
  number_input: "stNumberInput",
  slider: "stSlider",
  select_slider: "stSlider",
  selectbox: "stSelectbox",
  radio: "stRadio",
  text_area: "stTextArea",
  multiselect: "stMultiSelect",
  color_picker: "stColorPicker",
  date_input: "stDateInput",
  time_input: "stTimeInput",
  datetime_input: "stDateTimeInput",
  file_uploader: "stFileUploader",
  camera_input: "stCameraInput",
  audio_input: "stAudioInput",
  chat_input: "stChatInput",
  spinner: "stSpinner",
  progress: "stProgress",
  metric: "stMetric",
  table: "stTable",
  dataframe: "stDataFrame",
  data_editor: "stDataFrame",
  plotly_chart: "stPlotlyChart",
  deck_chart: "stDeckGlJsonChart",
  graphviz_chart: "stGraphVizChart",
  vega_lite_chart: "stVegaLiteChart",
  echarts_chart: "stEChartsChart",
  image: "stImage",
  audio: "stAudio",
  video: "stVideo",
};

/** The hook on an element's own box, inside its `stElementContainer`; null for layout blocks,
 * which carry their hooks themselves. */
export function elementHook(el: Element): string | null {
  if (el.type === "button") return el.submit ? "stFormSubmitButton" : "stButton";
  if (el.type === "button_group") return el.style === "pills" || el.style === "segmented" ? "stButtonGroup" : "stFeedback";
  return LEAF_HOOKS[el.type] ?? null;
}

/** Blocks that Streamlit wraps in a `stLayoutWrapper` (tabs sit in the flow unwrapped). */
const WRAPPED_BLOCKS: ReadonlySet<Element["type"]> = new Set([
  "container",
  "columns",
  "expander",
  "status",
  "form",
  "popover",
  "grid",
  "grid_cell",
]);

export const isWrappedBlock = (el: Element): boolean => WRAPPED_BLOCKS.has(el.type);

/** The class an app aims at a keyed element (`.st-key-sidebar_filters`): its key with every
 * character that cannot stand in a class name replaced by a dash. */
export const keyClass = (key: string | null): string | null => (key ? `st-key-${key.replace(/[^\w-]/g, "-")}` : null);

/** Keyed expanders and popovers carry their key class on their `stLayoutWrapper`, as Streamlit
 * puts it; a keyed container, grid or tabs carries it on its own block. */
export function wrapperKeyClass(el: Element): string | null {
  return el.type === "expander" || el.type === "popover" ? keyClass(el.key) : null;
}
