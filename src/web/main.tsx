/** The web app's entry: the kernel's shell with every module's pages (see `modules.ts`). */
import { startApp } from '../kernel/web/app.tsx';
import { webModules } from './modules.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
startApp(container, webModules);
