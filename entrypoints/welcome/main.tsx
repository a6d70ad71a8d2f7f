import { render } from 'preact';
import { WelcomePage } from '../../components/WelcomePage';
import '../../components/timer.css';
import '../../components/page.css';
import { localizePage } from '../../lib/i18n/lang';
import { followPageTheme } from '../../lib/theme/page-theme';

followPageTheme();
localizePage('welcomeTitle');

render(<WelcomePage />, document.getElementById('app')!);
