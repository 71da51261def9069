/** The accessible building blocks every page is made of. */
export { Button } from './button.tsx';
export { CheckboxField } from './checkbox-field.tsx';
export { type Column, DataTable } from './data-table.tsx';
export { type Disclosure, useDisclosure } from './disclosure.ts';
export { type ControlProps, Field, fieldId } from './field.tsx';
export { ErrorSummary, type FormState, useForm } from './form.tsx';
export { formatDateTime, formatNumber } from './format.ts';
export { Group } from './group.tsx';
export { LinkedSection } from './linked-section.tsx';
export { AnnouncerProvider, LiveRegion, Notice, useAnnounce } from './live-region.tsx';
export { Loaded } from './loaded.tsx';
export { Localized } from './localized.tsx';
export { Page } from './page.tsx';
export { SelectField } from './select-field.tsx';
export { StatisticText } from './statistic.tsx';
export { TextField, type TextFieldProps } from './text-field.tsx';
