import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { readSession } from '../../components/use-session';
import '../../components/timer.css';
import '../../components/page.css';
import '../../components/body-map.css';
import { localizePage } from '../../lib/i18n/lang';
import { followPageTheme } from '../../lib/theme/page-theme';

followPageTheme();
localizePage('extName');
render(<PopupApp initial={readSession()} />, document.getElementById('app')!);
