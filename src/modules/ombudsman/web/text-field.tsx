/**
 * The kernel's text field with this module's defaults: the browser does not fill or remember what
 * is typed about a case (`autocomplete="off"` unless a field says otherwise), and a text is given
 * room to be written in (eight rows).
 */
import { TextField as KernelTextField, type TextFieldProps } from '../../../kernel/web/ui/index.ts';

export function TextField({ autoComplete = 'off', rows = 8, ...props }: TextFieldProps) {
  return <KernelTextField autoComplete={autoComplete} rows={rows} {...props} />;
}
