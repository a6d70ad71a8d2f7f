import { render } from 'preact';
import { WhyPage } from '../../components/WhyPage';
import '../../components/timer.css';
import '../../components/page.css';
import { t } from '../../lib/i18n';
import { followPageTheme } from '../../lib/page-theme';

followPageTheme();
document.title = t('whyTitle');

render(<WhyPage />, document.getElementById('app')!);
