export { Button, ButtonLink, type ButtonProps, type ButtonLinkProps, type ButtonVariant, type ButtonSize } from './Button';
export {
  Field,
  TextField,
  TextArea,
  Select,
  Checkbox,
  CheckboxGroup,
  RadioGroup,
  FormError,
  fieldId,
  humaniseField,
  type Option,
  type FieldProps,
  type TextFieldProps,
  type TextAreaProps,
  type SelectProps,
  type CheckboxProps,
  type CheckboxGroupProps,
  type RadioGroupProps,
  type FormErrorProps,
} from './Form';
export { useForm, CHECK_FIELDS, type FieldErrors, type FormApi, type TextBinding, type UseFormOptions } from './useForm';
export { PageTitle, Card, Badge, Alert, ActionFeedback, EmptyState, Spinner, Tabs, SITE_NAME, type Tone, type TabItem } from './ui';
export { Layout } from './Layout';
export { Confirm, type ConfirmProps } from './Confirm';
export { LoadMore, type LoadMoreProps } from './LoadMore';
export { RequireAuth, type RouteAuth } from './RequireAuth';
export { cx } from './cx';
export { plural } from './plural';
export { Avatar, type AvatarProps } from './Avatar';
export { Attachments } from './Attachments';
export { AttachmentPicker, toAttachmentInputs, type PendingAttachment } from './AttachmentPicker';
export { ChartWithTable, CHART_COLOURS, type ChartRow, type ChartSeries, type ChartWithTableProps } from './charts';
