import { render } from 'preact';
import { HistoryApp } from '../../components/HistoryApp';
import '../../components/timer.css';
import '../../components/page.css';
import '../../components/body-map.css';
import '../../components/body-map-heat.css';
import '../../components/history/history.css';
import { localizePage } from '../../lib/i18n/lang';
import { followPageTheme } from '../../lib/theme/page-theme';

followPageTheme();
localizePage('historyTitle');

render(<HistoryApp />, document.getElementById('app')!);
