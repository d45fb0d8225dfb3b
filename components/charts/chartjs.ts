// Chart.js with the parts the dashboards use, registered once. Imported only through ./index.tsx, which
// loads it when a chart comes into view.
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Tooltip } from "chart.js";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, BarElement, Tooltip, Legend);

export { Bar, Line } from "react-chartjs-2";
