import type { HelpEl } from "../protocol.gen";
import { testid } from "../hooks";
import "./helpPanel.css";

/** st.help's panel: the object's name, type and value or signature, its documentation, and a
 * table of its public members. (Help.tsx is the ? tooltip beside a widget's label.) */
export function HelpPanel({ el }: { el: HelpEl }) {
  return (
    <span {...testid("stHelp")} className="stHelp help-panel">
      <div className="help-head">
        <span className="help-title">
          {el.name !== null && (
            <span {...testid("stHelpName")} className="help-name">
              {el.name}
            </span>
          )}
          <span {...testid("stHelpType")} className="help-type">
            {el.kind}
          </span>
          {el.value !== null && <span {...testid("stHelpValue")}>{el.value}</span>}
        </span>
      </div>
      {el.doc !== null && (
        <div {...testid("stHelpDoc")} className="help-doc">
          {el.doc}
        </div>
      )}
      {el.members.length > 0 && (
        <div className="help-members-scroll">
          <table {...testid("stHelpMembersTable")} className="help-members">
          <tbody>
            {el.members.map((member) => (
              <tr {...testid("stHelpMember")} key={member.name}>
                <td className="help-member-name">
                  <span {...testid("stHelpMemberDocName")} className="help-name">
                    {member.name}
                  </span>
                  <span {...testid("stHelpMemberDocType")} className="help-type">
                    {member.type}
                  </span>
                </td>
                <td>
                  {member.value !== null ? (
                    <span {...testid("stHelpMemberDocValue")}>{member.value}</span>
                  ) : (
                    member.doc !== null && <span {...testid("stHelpMemberDocString")}>{member.doc}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          </table>
        </div>
      )}
    </span>
  );
}
