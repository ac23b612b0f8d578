/** The dark and high-contrast Teams themes, loaded only when the host asks for them. */
export { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';
