import { render } from 'preact';
import { WhyPage } from '../../components/WhyPage';
import '../../components/timer.css';
import '../../components/page.css';
import { localizePage } from '../../lib/i18n/lang';
import { followPageTheme } from '../../lib/theme/page-theme';

followPageTheme();
localizePage('whyTitle');

render(<WhyPage />, document.getElementById('app')!);
