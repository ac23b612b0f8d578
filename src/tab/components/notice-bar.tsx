import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { NoticeProps } from './notice.js';

/** The Fluent message bar behind `Notice`: its own chunk, loaded only when a notice is shown. */
export function NoticeBar({ intent, layout, title, children, actions }: NoticeProps) {
  return (
    <MessageBar intent={intent} {...(layout ? { layout } : {})}>
      <MessageBarBody>
        {title !== undefined && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      {actions !== undefined && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}
