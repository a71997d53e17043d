# Baseline: pandas (CSV via read_csv, XLSX via read_excel with openpyxl), summing every numeric column by
# organisation type.
#   python3 bench/baselines/pandas_sum.py FILE
import sys
import pandas as pd

path = sys.argv[1]
if path.endswith('.xlsx'):
    df = pd.read_excel(path, engine='openpyxl')
else:
    df = pd.read_csv(path, thousands='.', decimal=',')
out = df.groupby('Loại hình').sum(numeric_only=True)
print(len(df), int(out['Tổng số đảng viên'].sum()))
