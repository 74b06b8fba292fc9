/** Which component shows each element type. */
import type { ComponentType } from "react";
import type { Element } from "../protocol.gen";
import type { TreeNode } from "../store";
import { Alert, ExceptionView } from "./Alert";
import { Button } from "./Button";
import { Checkbox } from "./Checkbox";
import { Code } from "./Code";
import { Column, Columns } from "./Columns";
import { Container, Empty } from "./Container";
import { Expander } from "./Expander";
import { Heading } from "./Heading";
import { JsonView } from "./Json";
import { Latex } from "./Latex";
import { Markdown } from "./Markdown";
import { NumberInput } from "./NumberInput";
import { Radio } from "./Radio";
import { Selectbox } from "./Selectbox";
import { Slider } from "./Slider";
import { Tab, Tabs } from "./Tabs";
import { Divider, Text } from "./Text";
import { TextInput } from "./TextInput";

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
  exception: ExceptionView,
  button: Button,
  checkbox: Checkbox,
  text_input: TextInput,
  number_input: NumberInput,
  slider: Slider,
  selectbox: Selectbox,
  radio: Radio,
  container: Container,
  columns: Columns,
  column: Column,
  expander: Expander,
  tabs: Tabs,
  tab: Tab,
  empty: Empty,
};
