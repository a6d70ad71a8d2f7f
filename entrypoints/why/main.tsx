import { render } from 'preact';
import { WhyPage } from '../../components/pages/WhyPage';
import '../../components/timer/timer.css';
import '../../components/shared/page.css';
import { localizePage } from '../../lib/i18n/lang';
import { followPageTheme } from '../../lib/theme/page-theme';

followPageTheme();
localizePage('whyTitle');

render(<WhyPage />, document.getElementById('app')!);
