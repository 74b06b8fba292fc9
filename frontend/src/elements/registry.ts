/** Which component shows each element type. */
import type { ComponentType } from "react";
import type { Element } from "../protocol.gen";
import type { TreeNode } from "../store";
import { Alert, ExceptionView } from "./Alert";
import { Button } from "./Button";
import { ButtonGroup } from "./ButtonGroup";
import { Checkbox } from "./Checkbox";
import { Code } from "./Code";
import { ColorPicker } from "./ColorPicker";
import { Column, Columns } from "./Columns";
import { Container, Empty } from "./Container";
import { DataEditor, DataFrame } from "./DataFrame";
import { Dialog } from "./Dialog";
import { Expander } from "./Expander";
import { Form } from "./Form";
import { GridCell, GridLayout } from "./GridLayout";
import { ChatMessage } from "./ChatMessage";
import { Heading } from "./Heading";
import { IFrame } from "./IFrame";
import { HelpPanel } from "./HelpPanel";
import { PageLink } from "./PageLink";
import { ImageList } from "./Image";
import { Latex } from "./Latex";
import { DownloadButton, LinkButton } from "./LinkButton";
import { Logo } from "./Logo";
import { Markdown } from "./Markdown";
import { MenuButton } from "./MenuButton";
import { MermaidChart } from "./MermaidChart";
import { Metric } from "./Metric";
import { NumberInput } from "./NumberInput";
import { Pagination } from "./Pagination";
import { Popover } from "./Popover";
import { Radio } from "./Radio";
import { Multiselect, Selectbox } from "./Select";
import { SelectSlider } from "./SelectSlider";
import { Space } from "./Space";
import { Slider } from "./Slider";
import { Spinner } from "./Spinner";
import { Progress } from "./Progress";
import { Skeleton } from "./Skeleton";
import { Status } from "./Status";
import { Toast } from "./Toast";
import { Tab, Tabs } from "./Tabs";
import { Table } from "./Table";
import { TextArea } from "./TextArea";
import { Divider, Text } from "./Text";
import { TextInput } from "./TextInput";
import { lazyElement } from "./lazyElement";

// The celebrations are rare: their drawings load on first use.
const Balloons = lazyElement(() => import("./Effects").then((m) => m.Balloons));
const Snow = lazyElement(() => import("./Effects").then((m) => m.Snow));
const AudioInput = lazyElement(() => import("./AudioInput").then((m) => m.AudioInput));
const CameraInput = lazyElement(() => import("./CameraInput").then((m) => m.CameraInput));
const ChatInput = lazyElement(() => import("./ChatInput").then((m) => m.ChatInput));
const DateInput = lazyElement(() => import("./DateInput").then((m) => m.DateInput));
const DateTimeInput = lazyElement(() => import("./DateInput").then((m) => m.DateTimeInput));
const TimeInput = lazyElement(() => import("./DateInput").then((m) => m.TimeInput));
const DeckChart = lazyElement(() => import("./DeckChart").then((m) => m.DeckChart));
const EchartsChart = lazyElement(() => import("./EchartsChart").then((m) => m.EchartsChart));
const FileUploader = lazyElement(() => import("./FileUploader").then((m) => m.FileUploader));
const GraphvizChart = lazyElement(() => import("./GraphvizChart").then((m) => m.GraphvizChart));
const JsonView = lazyElement(() => import("./Json").then((m) => m.JsonView));
const Audio = lazyElement(() => import("./Media").then((m) => m.Audio));
const Video = lazyElement(() => import("./Media").then((m) => m.Video));
const PlotlyChart = lazyElement(() => import("./PlotlyChart").then((m) => m.PlotlyChart));
const Pdf = lazyElement(() => import("./Pdf").then((m) => m.Pdf));
const VegaLiteChart = lazyElement(() => import("./VegaLiteChart").then((m) => m.VegaLiteChart));
// HTML and custom components: the sanitizer and the component protocols load with the first one.
const Html = lazyElement(() => import("./Html").then((m) => m.Html));
const CustomComponent = lazyElement(() => import("./CustomComponent").then((m) => m.CustomComponent));
const BidiComponent = lazyElement(() => import("./BidiComponent").then((m) => m.BidiComponent));

export type ElementProps<T extends Element["type"]> = { el: Extract<Element, { type: T }>; node: TreeNode };

export type Registry = { [T in Element["type"]]: ComponentType<ElementProps<T>> };

export const components: Registry = {
  markdown: Markdown,
  caption: Markdown,
  heading: Heading,
  text: Text,
  code: Code,
  divider: Divider,
  json: JsonView,
  latex: Latex,
  alert: Alert,
  dialog: Dialog,
  exception: ExceptionView,
  button: Button,
  link_button: LinkButton,
  page_link: PageLink,
  download_button: DownloadButton,
  menu_button: MenuButton,
  checkbox: Checkbox,
  text_input: TextInput,
  number_input: NumberInput,
  pagination: Pagination,
  slider: Slider,
  selectbox: Selectbox,
  radio: Radio,
  text_area: TextArea,
  multiselect: Multiselect,
  select_slider: SelectSlider,
  button_group: ButtonGroup,
  color_picker: ColorPicker,
  date_input: DateInput,
  time_input: TimeInput,
  datetime_input: DateTimeInput,
  file_uploader: FileUploader,
  camera_input: CameraInput,
  audio_input: AudioInput,
  chat_input: ChatInput,
  chat_message: ChatMessage,
  help: HelpPanel,
  popover: Popover,
  container: Container,
  columns: Columns,
  column: Column,
  expander: Expander,
  tabs: Tabs,
  tab: Tab,
  empty: Empty,
  grid: GridLayout,
  grid_cell: GridCell,
  space: Space,
  spinner: Spinner,
  progress: Progress,
  status: Status,
  skeleton: Skeleton,
  // One-shot effects, in their own root (ROOT_EVENT): a toast goes to the toast stack.
  toast: Toast,
  balloons: Balloons,
  snow: Snow,
  form: Form,
  metric: Metric,
  table: Table,
  dataframe: DataFrame,
  data_editor: DataEditor,
  plotly_chart: PlotlyChart,
  deck_chart: DeckChart,
  graphviz_chart: GraphvizChart,
  mermaid_chart: MermaidChart,
  image: ImageList,
  audio: Audio,
  video: Video,
  pdf: Pdf,
  vega_lite_chart: VegaLiteChart,
  echarts_chart: EchartsChart,
  html: Html,
  iframe: IFrame,
  component: CustomComponent,
  bidi_component: BidiComponent,
  // Drawn by the app chrome (its own root), never in the page flow.
  logo: Logo,
};
