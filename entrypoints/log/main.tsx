import { render } from 'preact';
import { HistoryApp } from '../../components/HistoryApp';
import '../../components/timer.css';
import '../../components/page.css';
import '../../components/body-map.css';
import '../../components/body-map-heat.css';
import '../../components/history/history.css';
import { t } from '../../lib/i18n';
import { followPageTheme } from '../../lib/page-theme';

followPageTheme();
document.title = t('historyTitle');

render(<HistoryApp />, document.getElementById('app')!);
