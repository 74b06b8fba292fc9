import type { ChatMessageEl } from "../protocol.gen";
import type { TreeNode } from "../store";
import { Children } from "../tree";
import { Icon } from "../icons";
import { hook, testid } from "../hooks";
import "./chatMessage.css";

/** The avatar beside a message: the user's or the assistant's icon on its colour, an emoji, a
 * Material icon, an image, or the first letter of the author's name. */
function Avatar({ el }: { el: ChatMessageEl }) {
  if (el.avatar_type === "image") {
    return <img {...testid("stChatMessageAvatarImage")} className="chat-avatar chat-avatar-image" src={el.avatar} alt="" />;
  }
  if (el.avatar_type === "icon" && (el.avatar === "user" || el.avatar === "assistant")) {
    const user = el.avatar === "user";
    return (
      <div
        {...testid(user ? "stChatMessageAvatarUser" : "stChatMessageAvatarAssistant")}
        aria-hidden="true"
        className={`chat-avatar chat-avatar-${el.avatar}`}
      >
        <Icon icon={user ? ":material/face:" : ":material/smart_toy:"} />
      </div>
    );
  }
  if (el.avatar_type === "icon" && el.avatar) {
    return (
      <div {...testid("stChatMessageAvatarCustom")} aria-hidden="true" className="chat-avatar chat-avatar-plain">
        <Icon icon={el.avatar} />
      </div>
    );
  }
  const text = el.avatar_type === "emoji" ? el.avatar : (Array.from(el.name)[0] ?? "").toUpperCase();
  return (
    <div aria-hidden="true" className="chat-avatar chat-avatar-plain">
      {text}
    </div>
  );
}

export function ChatMessage({ el, node }: { el: ChatMessageEl; node: TreeNode }) {
  const fromUser = el.avatar_type === "icon" && el.avatar === "user";
  return (
    <div {...hook("stChatMessage", fromUser ? "chat-message from-user" : "chat-message")}>
      <Avatar el={el} />
      <div {...testid("stChatMessageContent")} role="group" aria-label={`Chat message from ${el.name}`} className="chat-content">
        <div {...hook("stVerticalBlock", "block")}>
          <Children node={node} />
        </div>
      </div>
    </div>
  );
}
