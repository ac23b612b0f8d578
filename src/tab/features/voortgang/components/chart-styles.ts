import { makeStyles } from '@fluentui/react-components';

/** Legend texts as written ("Niet gestart"): the chart library capitalises every word by default. */
export const useLegendStyles = makeStyles({ legend: { textTransform: 'none' } });
