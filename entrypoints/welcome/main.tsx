import { render } from 'preact';
import { WelcomePage } from '../../components/WelcomePage';
import '../../components/timer.css';
import '../../components/page.css';
import { t } from '../../lib/i18n';
import { followPageTheme } from '../../lib/page-theme';

followPageTheme();
document.title = t('welcomeTitle');

render(<WelcomePage />, document.getElementById('app')!);
