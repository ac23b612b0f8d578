import { connectOffice, officeThemeIsDark } from './office-host.js';
import { startPane } from './pane.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void connectOffice().then((office) => {
  if (officeThemeIsDark(office)) document.documentElement.dataset.theme = 'dark';
  startPane(root, office);
});
